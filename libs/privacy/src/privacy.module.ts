import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { KeyRing } from '@app/crypto';
import { AppConfig } from '@app/config';
import { EVENT_STORE, EVENT_STORE_AT_REST, EventStore } from '@app/event-store';
import { masterKeyRing } from '@app/secrets';
import { DataKeys } from './data-keys';
import { EmailIndex } from './email-index';
import { Erasure, ErasureFollower } from './erasure';
import { EventSealer } from './event-sealer';
import { KEY_STORE, KeyStore } from './key-store/key-store.port';
import { MongoKeyStore } from './key-store/mongo-key-store';
import { SqliteKeyStore } from './key-store/sqlite-key-store';
import { PersonalData } from './personal-data';
import { PlaintextCache } from './plaintext-cache';
import { PrivacyEventStore } from './privacy-event-store';
import { Revealer } from './revealer';

/** The key store as configured: MongoDB with MONGO_URL (shared by every process), else DATA_DIR/keys.sqlite. */
export async function openKeyStore(config: AppConfig): Promise<KeyStore> {
  if (config.MONGO_URL) return MongoKeyStore.connect(config.MONGO_URL);
  return new SqliteKeyStore(config.keyStoreFile);
}

/** The master key ring of the data keys: the same master key as the stored secrets' (SECRETS_MASTER_KEY, or DATA_DIR/master.key). */
export const PRIVACY_KEY_RING = Symbol('PRIVACY_KEY_RING');

/** A key ring that fails, on first use, as loading the master key failed. */
function failingRing(error: unknown): KeyRing {
  return new Proxy({} as KeyRing, {
    // Only the ring's own members fail: Nest (and nest-commander's discovery) look at what a factory returns.
    get: (_, property) => {
      if (property !== 'primary' && (property === 'constructor' || !Object.hasOwn(KeyRing.prototype, property))) return undefined;
      throw error;
    },
  });
}

export interface PrivacyModuleOptions {
  /** Follow erasure events (delete keys a crash left behind, drop erased keys from memory): every long-running process does. */
  followErasures?: boolean;
}

/**
 * Checks at start that the key store opens under this process's master key, then starts the
 * follower; the module stops it before closing the key store. A process given another master key
 * than the others of its deployment (a shared MongoDB key store) would fail on every personal
 * value: it refuses to start instead, saying why.
 */
@Injectable()
class ErasureFollowing implements OnApplicationBootstrap {
  constructor(
    private readonly emails: EmailIndex,
    @Optional() @Inject(ErasureFollower) readonly follower?: ErasureFollower,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.follower) return; // a one-off command (the CLI) fails on the key it needs, if it needs one
    try {
      await this.emails.hash('msp:boot-check', 'boot-check');
    } catch (error) {
      throw new Error(
        `the key store was sealed under another master key than this process's (${error instanceof Error ? error.message : String(error)}): ` +
          'give every process of the deployment the same SECRETS_MASTER_KEY',
      );
    }
    this.follower?.start();
  }
}

/**
 * Personal data sealed at rest, revealed at the edge: the at-rest layer of the event store
 * (EVENT_STORE_AT_REST), the key store, PersonalData for presenters and the command side.
 */
@Global()
@Module({})
export class PrivacyModule implements OnApplicationShutdown {
  constructor(
    @Inject(KEY_STORE) private readonly store: KeyStore,
    private readonly following: ErasureFollowing,
  ) {}

  static forRoot(options: PrivacyModuleOptions = {}): DynamicModule {
    return {
      module: PrivacyModule,
      providers: [
        { provide: KEY_STORE, inject: [AppConfig], useFactory: openKeyStore },
        {
          provide: PRIVACY_KEY_RING,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => {
            try {
              const { ring, source } = masterKeyRing(config);
              new Logger('PersonalData').log(`personal data sealed under the master key from ${source}`);
              return ring;
            } catch (error) {
              // A long-running process does not start without its key; a one-off command that needs none (mint-token) still runs.
              if (options.followErasures) throw error;
              return failingRing(error);
            }
          },
        },
        {
          provide: DataKeys,
          inject: [KEY_STORE, PRIVACY_KEY_RING, AppConfig],
          useFactory: (store: KeyStore, ring: KeyRing, config: AppConfig) => new DataKeys(store, ring, { ttlMs: config.PRIVACY_KEY_CACHE_MS }),
        },
        { provide: PlaintextCache, useFactory: () => new PlaintextCache() },
        { provide: EmailIndex, inject: [KEY_STORE, PRIVACY_KEY_RING], useFactory: (store: KeyStore, ring: KeyRing) => new EmailIndex(store, ring) },
        {
          provide: Erasure,
          inject: [KEY_STORE, DataKeys, PlaintextCache, EmailIndex],
          useFactory: (store: KeyStore, keys: DataKeys, plaintext: PlaintextCache, emails: EmailIndex) => new Erasure(store, keys, plaintext, emails),
        },
        {
          provide: PersonalData,
          inject: [DataKeys, PlaintextCache, EmailIndex, Erasure],
          useFactory: (keys: DataKeys, plaintext: PlaintextCache, emails: EmailIndex, erasure: Erasure) =>
            new PersonalData(keys, new Revealer(keys, plaintext), emails, erasure),
        },
        {
          provide: EVENT_STORE_AT_REST,
          inject: [DataKeys, EmailIndex],
          useFactory: (keys: DataKeys, emails: EmailIndex) => (adapter: EventStore) =>
            new PrivacyEventStore(adapter, new EventSealer(keys, emails), keys),
        },
        ...(options.followErasures
          ? [
              {
                provide: ErasureFollower,
                inject: [EVENT_STORE, KEY_STORE, Erasure],
                useFactory: (events: EventStore, store: KeyStore, erasure: Erasure) => new ErasureFollower(events, store, erasure),
              },
            ]
          : []),
        ErasureFollowing,
      ],
      exports: [KEY_STORE, DataKeys, PersonalData, Erasure, EmailIndex, PRIVACY_KEY_RING, EVENT_STORE_AT_REST],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.following.follower?.stop();
    await this.store.close();
  }
}
