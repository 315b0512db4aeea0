import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { AppendMetrics, CheckpointLagMetrics, MetricsModule } from '@app/metrics';
import { EVENT_STORE, EventStore } from './event-store.port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { UpcasterRegistry } from './upcasting/upcaster-registry';
import { UpcastingEventStore } from './upcasting/upcasting-event-store';
import { MeteredEventStore } from './metering/metered-event-store';

/** The registry of schema upcasters; areas register theirs at boot. */
export const UPCASTERS = Symbol('UPCASTERS');

/**
 * What turns the adapter's stored form into the form everything above reads and writes: the
 * personal-data layer (sealing at write time, retention keys on read). Required: a process that
 * forgot it would write personal data in clear, so it does not start without one.
 */
export const EVENT_STORE_AT_REST = Symbol('EVENT_STORE_AT_REST');
export type AtRestLayer = (adapter: EventStore) => EventStore;

export function openEventStore(config: AppConfig): EventStore {
  if (config.EVENTSTORE_URL) return new EventStoreDbEventStore(config.EVENTSTORE_URL);
  return new SqliteEventStore({ file: config.eventStoreFile, synchronous: config.SQLITE_SYNCHRONOUS });
}

/**
 * Provides the configured event store (EventStoreDB when EVENTSTORE_URL is set, else SQLite),
 * through the at-rest layer (EVENT_STORE_AT_REST, which another module provides), upcasting every
 * read and metering every append; its head feeds the checkpoint-lag metrics.
 */
@Global()
@Module({
  imports: [MetricsModule],
  providers: [
    { provide: UPCASTERS, useValue: new UpcasterRegistry() },
    {
      provide: EVENT_STORE,
      inject: [AppConfig, UPCASTERS, AppendMetrics, CheckpointLagMetrics, EVENT_STORE_AT_REST],
      useFactory: (config: AppConfig, upcasters: UpcasterRegistry, appends: AppendMetrics, lag: CheckpointLagMetrics, atRest: AtRestLayer) => {
        const store = new MeteredEventStore(new UpcastingEventStore(atRest(openEventStore(config)), upcasters), appends);
        lag.setHead(() => store.headPosition());
        return store;
      },
    },
  ],
  exports: [EVENT_STORE, UPCASTERS],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
