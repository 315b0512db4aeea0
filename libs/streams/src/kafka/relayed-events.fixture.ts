import { RecordedEvent, Tenant } from '@app/event-store';

/** Events of several streams and tenants, interleaved in position order, as the store would yield them. */
export function interleavedEvents(streams: { streamId: string; tenant: Tenant; count: number }[]): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  const longest = Math.max(...streams.map((s) => s.count));
  for (let revision = 0; revision < longest; revision++) {
    for (const s of streams.filter((stream) => stream.count > revision)) {
      events.push(recordedEvent(s.streamId, BigInt(revision), BigInt(events.length + 1), s.tenant));
    }
  }
  return events;
}

export function recordedEvent(streamId: string, revision: bigint, position: bigint, tenant: Tenant): RecordedEvent {
  return {
    id: `00000000-0000-7000-8000-${position.toString().padStart(12, '0')}`,
    type: 'OrganizationRenamed',
    schemaVersion: 1,
    streamId,
    revision,
    position,
    occurredAt: `2024-05-01T12:00:00.${String(position % 1000n).padStart(3, '0')}Z`,
    data: { name: `name ${revision}` },
    metadata: { actor: { type: 'member', id: 'm-1', email: 'm@x.example' }, tenant, client: { ip: '198.51.100.7' } },
  };
}
