import { Inject, Injectable } from '@nestjs/common';
import { HealthCheckError, HealthIndicator, HealthIndicatorResult } from '@nestjs/terminus';
import { AppConfig } from '@app/config';
import { IDEMPOTENCY_STORE, IdempotencyStore } from './idempotency.store';

/** Healthy when the idempotency store (commands with an Idempotency-Key need it) answers a ping. */
@Injectable()
export class IdempotencyStoreHealthIndicator extends HealthIndicator {
  readonly engine: 'mongodb' | 'sqlite';

  constructor(@Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore, config: AppConfig) {
    super();
    this.engine = config.MONGO_URL ? 'mongodb' : 'sqlite';
  }

  async check(key = 'idempotencyStore'): Promise<HealthIndicatorResult> {
    try {
      await this.store.ping();
      return this.getStatus(key, true, { engine: this.engine });
    } catch (error) {
      const message = `the idempotency store (${this.engine}) is unavailable: ${error instanceof Error ? error.message : String(error)}`;
      throw new HealthCheckError('idempotency store unavailable', this.getStatus(key, false, { engine: this.engine, message }));
    }
  }
}
