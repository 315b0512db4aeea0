import { DomainEvent } from '../shared/decider';

/** A realistic instance of an event's data, and what a reader with generic item details must never see of it. */
export interface CatalogSample<D> {
  data: D;
  /** Item and folder names, item types (raw and as labels), changed item fields. */
  hidden: string[];
}

/**
 * One example per event type of an area's union, typed against that event's data: a type
 * without one does not compile. Tests that must hold for every event (redaction on every
 * channel, describers on malformed data) run over them.
 */
export type AreaExamples<E extends DomainEvent> = { [T in E['type']]: CatalogSample<Extract<E, { type: T }>['data']> };
