import { v7 as uuidv7 } from 'uuid';
import { IntegrationEvent, integrationStream, SiemIntegrationEvent, siemIntegrationStream } from '@app/domain';
import { RecordedEvent, Tenant } from '@app/event-store';

const T0 = Date.parse('2026-06-01T00:00:00.000Z');

/** A distinct time per position (seconds after a fixed start). */
export const atPosition = (position: bigint) => new Date(T0 + Number(position % 1_000_000n) * 1000).toISOString();

/** Recorded configuration events, as the event store hands them to the projector. */
export function integrationEvent(position: bigint, event: IntegrationEvent | SiemIntegrationEvent, tenant: Tenant): RecordedEvent {
  const org = event.type.startsWith('Siem');
  return {
    id: uuidv7(),
    type: event.type,
    schemaVersion: 1,
    streamId: org ? siemIntegrationStream(event.data.integrationId) : integrationStream(event.data.integrationId),
    revision: 0n,
    position,
    occurredAt: atPosition(position),
    data: event.data as unknown as Record<string, unknown>,
    metadata: { actor: { type: 'member', id: 'm-1' }, tenant, client: { ip: '127.0.0.1' } },
  };
}

export const SPLUNK_SETTINGS = { url: 'https://splunk.example.com:8088', index: 'audit' };
