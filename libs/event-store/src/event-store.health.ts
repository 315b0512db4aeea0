import { Inject, Injectable } from '@nestjs/common';
import { HealthCheckError, HealthIndicator, HealthIndicatorResult } from '@nestjs/terminus';
import { AppConfig } from '@app/config';
import { EVENT_STORE, EventStore } from './event-store.port';

/** Healthy when the event store answers a read of its head position; names its engine either way. */
@Injectable()
export class EventStoreHealthIndicator extends HealthIndicator {
  readonly engine: 'eventstoredb' | 'sqlite';

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, config: AppConfig) {
    super();
    this.engine = config.EVENTSTORE_URL ? 'eventstoredb' : 'sqlite';
  }

  async check(key = 'eventStore'): Promise<HealthIndicatorResult> {
    try {
      const head = await this.store.headPosition();
      return this.getStatus(key, true, { engine: this.engine, headPosition: head.toString() });
    } catch (error) {
      const message = `the event store (${this.engine}) is unavailable: ${error instanceof Error ? error.message : String(error)}`;
      throw new HealthCheckError('event store unavailable', this.getStatus(key, false, { engine: this.engine, message }));
    }
  }
}
