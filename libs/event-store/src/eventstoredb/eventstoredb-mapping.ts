import {
  AllStreamResolvedEvent, CurrentRevision, EventData, Filter, Position, ResolvedEvent,
  eventTypeFilter, excludeSystemEvents, jsonEvent, streamNameFilter,
} from '@eventstore/db-client';
import { EventMetadata, RecordedEvent } from '../event-envelope';
import { EventFilter } from '../event-store.port';
import { EventStoreError } from '../event-store.errors';
import { PreparedEvent } from '../input-validation';

/** What ESDB answers as the position of an event it has none for (servers before 22.6, on stream reads). */
const NO_POSITION = 2n ** 64n - 1n;

/** Our envelope fields that ESDB has no place for ride in its metadata under these keys. */
interface PrivateMetadata {
  $schemaVersion?: number;
  $occurredAt?: string;
}

export function toEventData(event: PreparedEvent, occurredAt: string): EventData {
  const metadata: EventMetadata & PrivateMetadata = {
    ...event.metadata,
    $schemaVersion: event.schemaVersion,
    $occurredAt: occurredAt,
  };
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata });
}

/** Our event, or `undefined` for what is not one: system events, links, non-JSON events. */
export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const { event, link } = resolved;
  if (!event || link || !event.isJson) return undefined;
  if (event.type.startsWith('$') || event.streamId.startsWith('$')) return undefined;
  const { $schemaVersion, $occurredAt, ...metadata } = asObject(event.metadata) as PrivateMetadata;
  return {
    id: event.id.toLowerCase(),
    type: event.type,
    schemaVersion: $schemaVersion ?? 1,
    streamId: event.streamId,
    revision: BigInt(event.revision),
    position: positionOf(resolved),
    occurredAt: $occurredAt ?? event.created.toISOString(),
    data: asObject(event.data),
    metadata: metadata as unknown as EventMetadata,
  };
}

/** The global position of an event: its commit position in `$all`. */
export function positionOf(resolved: ResolvedEvent | AllStreamResolvedEvent): bigint {
  const commit = resolved.event?.position?.commit ?? resolved.commitPosition;
  if (commit === undefined || BigInt(commit) === NO_POSITION) {
    throw new EventStoreError(
      `EventStoreDB gave no position for event ${resolved.event?.id}: this adapter needs server 22.6 or later`,
    );
  }
  return BigInt(commit);
}

/** ESDB wants a commit and a prepare position; for events appended through gRPC they are equal. */
export function toClientPosition(position: bigint): Position {
  return { commit: position, prepare: position };
}

export function toClientFilter(filter?: EventFilter): Filter {
  if (filter?.eventTypePrefixes?.length) return eventTypeFilter({ prefixes: filter.eventTypePrefixes });
  if (filter?.streamPrefixes?.length) return streamNameFilter({ prefixes: filter.streamPrefixes });
  return excludeSystemEvents();
}

/** The same filter applied on our side, for reads of `$all`, which this client cannot filter on the server. */
export function matchesFilter(event: RecordedEvent, filter?: EventFilter): boolean {
  if (filter?.eventTypePrefixes?.length) return filter.eventTypePrefixes.some((p) => event.type.startsWith(p));
  if (filter?.streamPrefixes?.length) return filter.streamPrefixes.some((p) => event.streamId.startsWith(p));
  return true;
}

/** The stream's last revision from a conflict, or `undefined` when the stream does not exist. */
export function toActualRevision(current: CurrentRevision | number | undefined): bigint | undefined {
  if (typeof current !== 'bigint' && typeof current !== 'number') return undefined;
  const revision = BigInt(current);
  return revision < 0n ? undefined : revision;
}

/** The connection string without any `user:password@`, fit for error messages and logs. */
export function redactConnectionString(connectionString: string): string {
  return connectionString.replace(/\/\/[^/@]*@/, '//');
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array)
    ? (value as Record<string, unknown>)
    : {};
}
