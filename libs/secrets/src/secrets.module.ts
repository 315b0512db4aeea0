import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfig } from '@app/config';
import { masterKeyRing } from './master-key-ring';
import { MongoSecretStore } from './mongo-secret-store';
import { SealedSecrets } from './sealed-secrets';
import { SECRET_STORE, SecretStore } from './secret-store.port';
import { SqliteSecretStore } from './sqlite-secret-store';

/** The secret store as configured: MongoDB with MONGO_URL (shared by every process), else DATA_DIR/secrets.sqlite. */
export async function openSecretStore(config: AppConfig): Promise<SecretStore> {
  if (config.MONGO_URL) return MongoSecretStore.connect(config.MONGO_URL);
  return new SqliteSecretStore(join(config.DATA_DIR, 'secrets.sqlite'));
}

/** Sealed secrets for the processes that write or use them (API, worker); fails at boot without a usable master key. */
@Global()
@Module({})
export class SecretsModule implements OnApplicationShutdown {
  constructor(@Inject(SECRET_STORE) private readonly store: SecretStore) {}

  static forRoot(): DynamicModule {
    return {
      module: SecretsModule,
      providers: [
        { provide: SECRET_STORE, inject: [AppConfig], useFactory: openSecretStore },
        {
          provide: SealedSecrets,
          inject: [SECRET_STORE, AppConfig],
          useFactory: (store: SecretStore, config: AppConfig) => {
            const { ring, source } = masterKeyRing(config);
            new Logger('Secrets').log(`secrets sealed under the master key from ${source}`);
            return new SealedSecrets(store, ring);
          },
        },
      ],
      exports: [SECRET_STORE, SealedSecrets],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
