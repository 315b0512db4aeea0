import { Inject, Injectable } from '@nestjs/common';
import { HealthCheckError, HealthIndicator, HealthIndicatorResult } from '@nestjs/terminus';
import { EVENT_STORE, EventStore } from './event-store.port';

/** Healthy when the event store answers a read of its head position. */
@Injectable()
export class EventStoreHealthIndicator extends HealthIndicator {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async check(key = 'eventStore'): Promise<HealthIndicatorResult> {
    try {
      const head = await this.store.headPosition();
      return this.getStatus(key, true, { headPosition: head.toString() });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new HealthCheckError('event store unavailable', this.getStatus(key, false, { message }));
    }
  }
}
