import {
  BeforeApplicationShutdown, DynamicModule, Global, Module, OnApplicationBootstrap, OnApplicationShutdown, Provider,
} from '@nestjs/common';
import Database from 'better-sqlite3';
import { Db, MongoClient } from 'mongodb';
import { AppConfig } from '@app/config';
import { DataKeys, KEY_STORE, KeyStore } from '@app/privacy';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { connectMongo, MONGO_DATABASE } from '@app/mongo';
import { ActivityLogProjector } from './activity-log/activity-log.projector';
import { ACTIVITY_LOG_STORE, ActivityLogStore } from './activity-log/activity-log.store';
import { MongoActivityLogStore } from './activity-log/mongo-activity-log.store';
import { SqliteActivityLogStore } from './activity-log/sqlite-activity-log.store';
import { EventLogHead } from './shared/event-log-head';
import { CHECKPOINT_STORE, mongoCheckpointStore, sqliteCheckpointStore } from './shared/checkpoint-store';
import { ProjectionRunner } from './shared/projection-runner';
import { Projector } from './shared/projector';
import { openReadDatabase, READ_DATABASE } from './shared/sqlite-read-database';
import { SharingHubProjector } from './sharing-hub/sharing-hub.projector';
import { SHARING_HUB_STORE, SharingHubStore } from './sharing-hub/sharing-hub.store';
import { SqliteSharingHubStore } from './sharing-hub/sqlite-sharing-hub.store';
import { MongoSharingHubStore } from './sharing-hub/mongo-sharing-hub.store';
import { MongoOrganizationDirectoryStore } from './organizations/mongo-organization-directory.store';
import { OrganizationDirectoryProjector } from './organizations/organization-directory.projector';
import { ORGANIZATION_DIRECTORY_STORE, OrganizationDirectoryStore } from './organizations/organization-directory.store';
import { SqliteOrganizationDirectoryStore } from './organizations/sqlite-organization-directory.store';
import { MemberDirectoryProjector } from './members/member-directory.projector';
import { MemberDirectoryStore, MSP_MEMBER_DIRECTORY_STORE, ORG_MEMBER_DIRECTORY_STORE } from './members/member-directory.store';
import { MongoMemberDirectoryStore } from './members/mongo-member-directory.store';
import { SqliteMemberDirectoryStore } from './members/sqlite-member-directory.store';
import { DEAD_LETTER_STORE, DeadLetterStore } from './dead-letters/dead-letter.store';
import { MongoDeadLetterStore } from './dead-letters/mongo-dead-letter.store';
import { SqliteDeadLetterStore } from './dead-letters/sqlite-dead-letter.store';
import { IntegrationStatusReader } from './integrations/integration-status';
import { IntegrationsProjector } from './integrations/integrations.projector';
import { INTEGRATIONS_STORE, IntegrationsStore } from './integrations/integrations.store';
import { MongoIntegrationsStore } from './integrations/mongo-integrations.store';
import { SqliteIntegrationsStore } from './integrations/sqlite-integrations.store';
import { RetentionHealthIndicator } from './retention/retention.health';
import { RetentionJob, RetentionSchedule } from './retention/retention.job';
import { CredentialsProjector } from './credentials/credentials.projector';
import { CREDENTIALS_STORE, CredentialsStore } from './credentials/credentials.store';
import { MongoCredentialsStore } from './credentials/mongo-credentials.store';
import { SqliteCredentialsStore } from './credentials/sqlite-credentials.store';


/** Every projector by name, for queries that wait for a position and for rebuilds. */
export class ProjectorRegistry {
  constructor(readonly all: Projector[]) {}

  get(name: string): Projector {
    const projector = this.all.find((p) => p.name === name);
    if (!projector) throw new Error(`unknown view '${name}'; known: ${this.all.map((p) => p.name).join(', ')}`);
    return projector;
  }
}

/** Runs every projector as a checkpointed subscription while the application is up; poison events are dead-lettered. */
class ProjectionRunners implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly runners: ProjectionRunner[];

  constructor(store: EventStore, registry: ProjectorRegistry, deadLetters: DeadLetterStore) {
    this.runners = registry.all.map((projector) => new ProjectionRunner(store, projector, { deadLetters }));
  }

  onApplicationBootstrap(): void {
    this.runners.forEach((r) => r.start());
  }

  /** Before the databases close, so no batch is cut off mid-write. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((r) => r.stop()));
  }
}

/** Closes whichever database the read models opened. */
class ReadDatabaseCloser implements OnApplicationShutdown {
  constructor(private readonly close: () => Promise<void> | void) {}

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}

/** The embedded read database: one SQLite file for every view and checkpoint. */
const sqliteProviders: Provider[] = [
  { provide: READ_DATABASE, inject: [AppConfig], useFactory: (c: AppConfig) => openReadDatabase(c.readModelsFile) },
  { provide: ACTIVITY_LOG_STORE, inject: [READ_DATABASE], useFactory: (db: Database.Database) => new SqliteActivityLogStore(db) },
  { provide: SHARING_HUB_STORE, inject: [READ_DATABASE], useFactory: (db: Database.Database) => new SqliteSharingHubStore(db) },
  {
    provide: ORGANIZATION_DIRECTORY_STORE,
    inject: [READ_DATABASE],
    useFactory: (db: Database.Database) => new SqliteOrganizationDirectoryStore(db),
  },
  { provide: MSP_MEMBER_DIRECTORY_STORE, inject: [READ_DATABASE], useFactory: (db: Database.Database) => new SqliteMemberDirectoryStore(db, 'msp') },
  { provide: ORG_MEMBER_DIRECTORY_STORE, inject: [READ_DATABASE], useFactory: (db: Database.Database) => new SqliteMemberDirectoryStore(db, 'org') },
  { provide: INTEGRATIONS_STORE, inject: [READ_DATABASE], useFactory: (db: Database.Database) => new SqliteIntegrationsStore(db) },
  { provide: CREDENTIALS_STORE, inject: [READ_DATABASE], useFactory: (db: Database.Database) => new SqliteCredentialsStore(db) },
  { provide: CHECKPOINT_STORE, inject: [READ_DATABASE], useFactory: sqliteCheckpointStore },
  { provide: DEAD_LETTER_STORE, inject: [READ_DATABASE], useFactory: (db: Database.Database) => new SqliteDeadLetterStore(db) },
  { provide: ReadDatabaseCloser, inject: [READ_DATABASE], useFactory: (db: Database.Database) => new ReadDatabaseCloser(() => void db.close()) },
];

/** MongoDB (or FerretDB): indexes are created at boot; no transactions are needed. */
const mongoProviders: Provider[] = [
  { provide: MongoClient, inject: [AppConfig], useFactory: (c: AppConfig) => connectMongo(c.MONGO_URL!, c.mongoTimeouts) },
  { provide: MONGO_DATABASE, inject: [MongoClient], useFactory: (client: MongoClient) => client.db() },
  {
    provide: ACTIVITY_LOG_STORE,
    inject: [MONGO_DATABASE],
    useFactory: async (db: Db) => {
      const store = new MongoActivityLogStore(db);
      await store.ensureIndexes();
      return store;
    },
  },
  {
    provide: SHARING_HUB_STORE,
    inject: [MONGO_DATABASE],
    useFactory: async (db: Db) => {
      const store = new MongoSharingHubStore(db);
      await store.ensureIndexes();
      return store;
    },
  },
  {
    provide: ORGANIZATION_DIRECTORY_STORE,
    inject: [MONGO_DATABASE],
    useFactory: async (db: Db) => {
      const store = new MongoOrganizationDirectoryStore(db);
      await store.ensureIndexes();
      return store;
    },
  },
  ...(['msp', 'org'] as const).map((kind) => ({
    provide: kind === 'msp' ? MSP_MEMBER_DIRECTORY_STORE : ORG_MEMBER_DIRECTORY_STORE,
    inject: [MONGO_DATABASE],
    useFactory: async (db: Db) => {
      const store = new MongoMemberDirectoryStore(db, kind);
      await store.ensureIndexes();
      return store;
    },
  })),
  {
    provide: INTEGRATIONS_STORE,
    inject: [MONGO_DATABASE],
    useFactory: async (db: Db) => {
      const store = new MongoIntegrationsStore(db);
      await store.ensureIndexes();
      return store;
    },
  },
  {
    provide: CREDENTIALS_STORE,
    inject: [MONGO_DATABASE],
    useFactory: async (db: Db) => {
      const store = new MongoCredentialsStore(db);
      await store.ensureIndexes();
      return store;
    },
  },
  { provide: CHECKPOINT_STORE, inject: [MONGO_DATABASE], useFactory: mongoCheckpointStore },
  { provide: DEAD_LETTER_STORE, inject: [MONGO_DATABASE], useFactory: (db: Db) => new MongoDeadLetterStore(db) },
  { provide: ReadDatabaseCloser, inject: [MongoClient], useFactory: (client: MongoClient) => new ReadDatabaseCloser(() => client.close()) },
];

/** The read stores (SQLite by default, MongoDB with MONGO_URL) and their projectors. */
@Global()
@Module({})
export class ReadModelsModule {
  static forRoot(options: { runProjectors: boolean; mongo: boolean }): DynamicModule {
    return {
      module: ReadModelsModule,
      providers: [
        ...(options.mongo ? mongoProviders : sqliteProviders),
        {
          provide: ProjectorRegistry,
          inject: [
            ACTIVITY_LOG_STORE, SHARING_HUB_STORE, ORGANIZATION_DIRECTORY_STORE, INTEGRATIONS_STORE, MSP_MEMBER_DIRECTORY_STORE,
            ORG_MEMBER_DIRECTORY_STORE, CREDENTIALS_STORE,
          ],
          useFactory: (
            activity: ActivityLogStore, hub: SharingHubStore, organizations: OrganizationDirectoryStore, integrations: IntegrationsStore,
            mspMembers: MemberDirectoryStore, orgMembers: MemberDirectoryStore, credentials: CredentialsStore,
          ) =>
            new ProjectorRegistry([
              new ActivityLogProjector(activity),
              new SharingHubProjector(hub),
              new OrganizationDirectoryProjector(organizations),
              new IntegrationsProjector(integrations),
              new MemberDirectoryProjector(mspMembers),
              new MemberDirectoryProjector(orgMembers),
              new CredentialsProjector(credentials),
            ]),
        },
        IntegrationStatusReader,
        {
          provide: RetentionJob,
          inject: [EVENT_STORE, ACTIVITY_LOG_STORE, KEY_STORE, DataKeys],
          useFactory: (events: EventStore, activity: ActivityLogStore, keyStore: KeyStore, keys: DataKeys) => new RetentionJob(events, activity, keyStore, keys),
        },
        RetentionHealthIndicator,
        { provide: EventLogHead, inject: [EVENT_STORE], useFactory: (s: EventStore) => new EventLogHead(s) },
        ...(options.runProjectors
          ? [
              {
                provide: ProjectionRunners,
                inject: [EVENT_STORE, ProjectorRegistry, DEAD_LETTER_STORE],
                useFactory: (s: EventStore, r: ProjectorRegistry, d: DeadLetterStore) => new ProjectionRunners(s, r, d),
              },
              // Where the projectors run (the worker, or the API under npm start), so does retention.
              {
                provide: RetentionSchedule,
                inject: [RetentionJob, AppConfig],
                useFactory: (job: RetentionJob, config: AppConfig) => new RetentionSchedule(job, config.RETENTION_INTERVAL_MS),
              },
            ]
          : []),
      ],
      exports: [
        ACTIVITY_LOG_STORE, SHARING_HUB_STORE, ORGANIZATION_DIRECTORY_STORE, INTEGRATIONS_STORE, MSP_MEMBER_DIRECTORY_STORE,
        ORG_MEMBER_DIRECTORY_STORE, CREDENTIALS_STORE, CHECKPOINT_STORE, DEAD_LETTER_STORE, ProjectorRegistry, IntegrationStatusReader, EventLogHead,
        RetentionJob, RetentionHealthIndicator,
        ...(options.mongo ? [MONGO_DATABASE] : [READ_DATABASE]),
      ],
    };
  }
}
