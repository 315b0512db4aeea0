import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { join } from 'node:path';
import { AppConfig } from '@app/config';
import { CommandExecutor } from './command-executor';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IDEMPOTENCY_STORE, IdempotencyStore } from './idempotency/idempotency.store';
import { MongoIdempotencyStore } from './idempotency/mongo-idempotency.store';
import { SqliteIdempotencyStore } from './idempotency/sqlite-idempotency.store';
import { TenancyModule } from '@app/tenancy';

/** What every area's command module uses: the executor, the tenant directory, idempotency. */
@Global()
@Module({
  imports: [CqrsModule, TenancyModule],
  providers: [
    CommandExecutor,
    { provide: IDEMPOTENCY_STORE, inject: [AppConfig], useFactory: openIdempotencyStore },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
  exports: [CqrsModule, CommandExecutor, TenancyModule],
})
export class CommandsCoreModule implements OnApplicationShutdown {
  constructor(@Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.idempotency.close();
  }
}

/** Shared in MongoDB when MONGO_URL is set (scaled-out APIs), else a local SQLite file. */
async function openIdempotencyStore(config: AppConfig): Promise<IdempotencyStore> {
  if (config.MONGO_URL) return MongoIdempotencyStore.connect(config.MONGO_URL);
  return new SqliteIdempotencyStore(join(config.DATA_DIR, 'idempotency.sqlite'));
}
