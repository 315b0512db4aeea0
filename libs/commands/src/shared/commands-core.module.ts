import { Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { join } from 'node:path';
import { AppConfig } from '@app/config';
import { CommandExecutor } from './command-executor';
import { HttpErrorFilter } from './http-error.filter';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { TenantDirectory } from './tenant-directory';
import { NoUnexpectedBodyInterceptor } from './no-unexpected-body.interceptor';

/** What every area's command module uses: the executor, the tenant directory, idempotency, error mapping. */
@Global()
@Module({
  imports: [CqrsModule],
  providers: [
    CommandExecutor,
    TenantDirectory,
    { provide: IdempotencyStore, inject: [AppConfig], useFactory: (c: AppConfig) => new IdempotencyStore(join(c.DATA_DIR, 'idempotency.sqlite')) },
    { provide: APP_INTERCEPTOR, useClass: NoUnexpectedBodyInterceptor },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    { provide: APP_FILTER, useClass: HttpErrorFilter },
  ],
  exports: [CqrsModule, CommandExecutor, TenantDirectory],
})
export class CommandsCoreModule implements OnApplicationShutdown {
  constructor(private readonly idempotency: IdempotencyStore) {}

  onApplicationShutdown(): void {
    this.idempotency.close();
  }
}
