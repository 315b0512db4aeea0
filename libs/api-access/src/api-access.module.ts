import { BeforeApplicationShutdown, DynamicModule, Global, Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfig } from '@app/config';
import { BEARER_CREDENTIAL_VERIFIER } from '@app/auth';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CREDENTIALS_STORE, CredentialsStore, cursorSignerFor } from '@app/projections';
import { CredentialDirectory } from './directory/credential-directory';
import { CredentialEventWatcher } from './directory/credential-event-watcher';
import { MachineCredentials } from './directory/machine-credentials';
import { UsageRecorder } from './directory/usage-recorder';
import { JwtBearerAssertions } from './oauth/jwt-bearer-assertion';
import { ACCESS_TOKEN_LIFETIME, TokenController } from './oauth/token.controller';
import { ASSERTION_REPLAY_STORE, AssertionReplayStore } from './replay/assertion-replay.store';
import { MongoAssertionReplayStore } from './replay/mongo-assertion-replay.store';
import { SqliteAssertionReplayStore } from './replay/sqlite-assertion-replay.store';
import { AccessTokens } from './tokens/access-tokens';

/** How often each API process reads new credential events in the background. */
const WATCH_POLL_MS = 100;
/** A request sees every credential event committed this long before it, at the latest. */
const FRESHNESS_MS = 500;

/** Reads credential events while the application is up; closes the replay store after. */
class ApiAccessLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly watcher: CredentialEventWatcher,
    @Inject(ASSERTION_REPLAY_STORE) private readonly replays: AssertionReplayStore,
  ) {}

  onApplicationBootstrap(): void {
    this.watcher.start();
  }

  /** Before the event store closes. */
  beforeApplicationShutdown(): Promise<void> {
    return this.watcher.stop();
  }

  onApplicationShutdown(): Promise<void> {
    return this.replays.close();
  }
}

/**
 * API access for machines: the token endpoint (MSP keys, RFC 7523) and the verifier of the API's
 * own bearer credentials (access tokens, Activity Log tokens) the AuthGuard hands them to.
 */
@Global()
@Module({})
export class ApiAccessModule {
  static forRoot(): DynamicModule {
    return {
      module: ApiAccessModule,
      controllers: [TokenController],
      providers: [
        { provide: ASSERTION_REPLAY_STORE, inject: [AppConfig], useFactory: openReplayStore },
        { provide: AccessTokens, inject: [AppConfig], useFactory: (config: AppConfig) => new AccessTokens(cursorSignerFor(config)) },
        { provide: ACCESS_TOKEN_LIFETIME, inject: [AppConfig], useFactory: (config: AppConfig) => config.ACCESS_TOKEN_TTL_S },
        {
          provide: CredentialEventWatcher,
          inject: [EVENT_STORE, CREDENTIALS_STORE],
          useFactory: (events: EventStore, records: CredentialsStore) =>
            new CredentialEventWatcher(events, () => records.checkpoint(), { pollMs: WATCH_POLL_MS }),
        },
        {
          provide: CredentialDirectory,
          inject: [CREDENTIALS_STORE, EVENT_STORE, CredentialEventWatcher, AppConfig],
          useFactory: (records: CredentialsStore, events: EventStore, watcher: CredentialEventWatcher, config: AppConfig) =>
            new CredentialDirectory(records, events, watcher, { freshnessMs: FRESHNESS_MS, catchUpTimeoutMs: config.MIN_POSITION_TIMEOUT_MS }),
        },
        { provide: UsageRecorder, inject: [CredentialDirectory], useFactory: (directory: CredentialDirectory) => new UsageRecorder(directory) },
        {
          provide: BEARER_CREDENTIAL_VERIFIER,
          inject: [CredentialDirectory, AccessTokens, UsageRecorder],
          useFactory: (directory: CredentialDirectory, tokens: AccessTokens, usage: UsageRecorder) => new MachineCredentials(directory, tokens, usage),
        },
        {
          provide: JwtBearerAssertions,
          inject: [CredentialDirectory, ASSERTION_REPLAY_STORE, AppConfig],
          useFactory: (directory: CredentialDirectory, replays: AssertionReplayStore, config: AppConfig) =>
            new JwtBearerAssertions(directory, replays, { audience: config.apiAudience, clockSkewSeconds: config.AUTH_CLOCK_SKEW_S }),
        },
        ApiAccessLifecycle,
      ],
      exports: [BEARER_CREDENTIAL_VERIFIER],
    };
  }
}

/** Shared in MongoDB when MONGO_URL is set (scaled-out APIs), else a SQLite file every process on DATA_DIR opens. */
async function openReplayStore(config: AppConfig): Promise<AssertionReplayStore> {
  if (config.MONGO_URL) return MongoAssertionReplayStore.connect(config.MONGO_URL);
  return new SqliteAssertionReplayStore(join(config.DATA_DIR, 'api-access.sqlite'));
}
