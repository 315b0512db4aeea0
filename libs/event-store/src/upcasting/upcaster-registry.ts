import { RecordedEvent } from '../event-envelope';

/** Turns the data of (type, schemaVersion) into the data of schemaVersion + 1. */
export type Upcaster = (data: Record<string, unknown>, event: RecordedEvent) => Record<string, unknown>;

/**
 * Schema evolution: stored events are never rewritten. On read, each registered step lifts an
 * event one version up, repeatedly, until no step applies: v1 -> v2 -> v3.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Upcaster>();

  register(type: string, fromVersion: number, upcast: Upcaster): this {
    const key = keyOf(type, fromVersion);
    if (this.steps.has(key)) throw new Error(`An upcaster for ${type} v${fromVersion} is already registered`);
    this.steps.set(key, upcast);
    return this;
  }

  upcast(event: RecordedEvent): RecordedEvent {
    // An expired payload is gone: there is nothing left to lift.
    if (event.expired) return event;
    let current = event;
    for (let step = this.steps.get(keyOf(current.type, current.schemaVersion)); step; ) {
      current = { ...current, data: step(current.data, current), schemaVersion: current.schemaVersion + 1 };
      step = this.steps.get(keyOf(current.type, current.schemaVersion));
    }
    return current;
  }
}

function keyOf(type: string, version: number): string {
  return `${type}@${version}`;
}
