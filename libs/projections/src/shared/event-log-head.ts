import { EventStore } from '@app/event-store';

/** The last position written to the event store, for queries that must tell a lagging view from a position never written. */
export class EventLogHead {
  constructor(private readonly store: Pick<EventStore, 'headPosition'>) {}

  position(): Promise<bigint> {
    return this.store.headPosition();
  }
}
