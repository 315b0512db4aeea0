import { v7 as uuidv7 } from 'uuid';
import {
  AppendResult, EventStore, ExpectedRevision, NewEvent, ReadAllOptions, ReadStreamOptions, RecordedEvent, SubscribeOptions, Subscription,
} from '@app/event-store';
import { DataKeys } from './data-keys';
import { EventSealer } from './event-sealer';
import { openRetained, ParsedRetained, parseRetained } from './retained-payload';

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

  /** A page opened with one key-store round trip for the months it needs and none when they are in memory. */
  private async opened(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    let sealed: (ParsedRetained | undefined)[] | undefined;
    const keyIds = new Set<string>();
    for (let i = 0; i < events.length; i++) {
      const parsed = parseRetained(events[i].data);
      if (parsed === undefined) continue;
      (sealed ??= new Array(events.length))[i] = parsed;
      keyIds.add(parsed.keyId);
    }
    if (sealed === undefined) return events;
    // A page of a few tenants' months names a few keys: each is looked up once, not once per event.
    const missing = [...keyIds].filter((keyId) => !this.keys.periodKeyInMemory(keyId));
    if (missing.length > 0) await this.keys.loadPeriods(missing);
    const opened = new Array<RecordedEvent>(events.length);
    for (let i = 0; i < events.length; i++) opened[i] = this.openLoaded(events[i], sealed[i]);
    return opened;
  }

  private async openOne(event: RecordedEvent): Promise<RecordedEvent> {
    const sealed = parseRetained(event.data);
    if (sealed === undefined) return event;
    if (!this.keys.periodKeyInMemory(sealed.keyId)) await this.keys.loadPeriods([sealed.keyId]);
    return this.openLoaded(event, sealed);
  }

  private openLoaded(event: RecordedEvent, sealed: ParsedRetained | undefined): RecordedEvent {
    if (sealed === undefined) return event;
    const key = this.keys.periodKey(sealed.keyId);
    const payload = key && key !== 'absent' ? openRetained(key, sealed, { eventId: event.id, eventType: event.type }) : undefined;
    if (!payload) return { ...event, data: {}, metadata: { ...event.metadata, client: { ip: '' } }, expired: true };
    const { metadata } = event;
    return {
      ...event,
      data: payload.data,
      metadata: { ...metadata, actor: { ...metadata.actor, ...payload.actor }, client: payload.client as unknown as RecordedEvent['metadata']['client'] },
    };
  }
}
