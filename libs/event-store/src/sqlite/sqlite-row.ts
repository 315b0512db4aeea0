import { RecordedEvent } from '../event-envelope';

export interface EventRow {
  position: bigint;
  id: string;
  stream_id: string;
  revision: bigint;
  type: string;
  schema_version: bigint;
  occurred_at: string;
  data: string;
  metadata: string;
}

export function rowToEvent(row: EventRow): RecordedEvent {
  // The chain links belong to the integrity log (its leaf hashes them as stored), not to readers.
  const { integrity: _links, ...metadata } = JSON.parse(row.metadata);
  return {
    id: row.id,
    type: row.type,
    schemaVersion: Number(row.schema_version),
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    occurredAt: row.occurred_at,
    data: JSON.parse(row.data),
    metadata,
  };
}
