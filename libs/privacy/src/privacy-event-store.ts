import { v7 as uuidv7 } from 'uuid';
import {
  AppendResult, EventStore, ExpectedRevision, NewEvent, ReadAllOptions, ReadStreamOptions, RecordedEvent, SubscribeOptions, Subscription,
} from '@app/event-store';
import { DataKeys } from './data-keys';
import { EventSealer } from './event-sealer';
import { openRetained, parseRetained } from './retained-payload';

/**
 * The personal-data layer over any adapter. Appends are sealed (EventSealer), ids given first,
 * since sealed values are bound to them. Reads open `activity` payloads under their month's key
 * and hand every event on with its personal values still sealed: projections and relays keep
 * them sealed, and only a presenter (or the command side, in memory) reveals them. An event whose
 * month's key is gone comes back `expired`, with no payload.
 */
export class PrivacyEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly sealer: EventSealer,
    private readonly keys: DataKeys,
  ) {}

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const sealed: NewEvent[] = [];
    for (const event of events) sealed.push(await this.sealer.seal({ ...event, id: event.id ?? uuidv7() }));
    return this.inner.append(streamId, sealed, expected);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.opened(await this.inner.readStream(streamId, options));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.opened(await this.inner.readAll(options));
  }

  subscribeToAll(options?: SubscribeOptions): Subscription {
    const inner = this.inner.subscribeToAll(options);
    const open = (event: RecordedEvent) => this.openOne(event);
    return {
      stop: () => inner.stop(),
      async *[Symbol.asyncIterator]() {
        for await (const event of inner) yield await open(event);
      },
    };
  }

  headPosition(): Promise<bigint> {
    return this.inner.headPosition();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async opened(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const sealed = events.map((e) => parseRetained(e.data));
    const keyIds = sealed.filter((s) => s !== undefined).map((s) => s.keyId);
    if (keyIds.length === 0) return events;
    await this.keys.loadPeriods(keyIds);
    return events.map((e, i) => this.openLoaded(e, sealed[i]));
  }

  private async openOne(event: RecordedEvent): Promise<RecordedEvent> {
    const sealed = parseRetained(event.data);
    if (sealed === undefined) return event;
    if (!this.keys.periodKeyInMemory(sealed.keyId)) await this.keys.loadPeriods([sealed.keyId]);
    return this.openLoaded(event, sealed);
  }

  private openLoaded(event: RecordedEvent, sealed: { keyId: string; body: string } | undefined): RecordedEvent {
    if (sealed === undefined) return event;
    const key = this.keys.periodKey(sealed.keyId);
    const payload = key && key !== 'absent' ? openRetained(key, sealed, { eventId: event.id, eventType: event.type }) : undefined;
    if (!payload) return { ...event, data: {}, metadata: { ...event.metadata, client: { ip: '' } }, expired: true };
    return {
      ...event,
      data: payload.data,
      metadata: { ...event.metadata, actor: { ...event.metadata.actor, ...payload.actor }, client: payload.client as unknown as RecordedEvent['metadata']['client'] },
    };
  }
}
