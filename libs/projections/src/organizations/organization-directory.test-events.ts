import { v7 as uuidv7 } from 'uuid';
import { OrganizationEvent, organizationStream } from '@app/domain';
import { RecordedEvent } from '@app/event-store';

const T0 = Date.parse('2026-06-01T00:00:00.000Z');

/** Recorded organization events at given positions, as the event store would hand them to the projector. */
export function organizationEvent(position: bigint, event: OrganizationEvent, mspId = 'msp-1'): RecordedEvent {
  return {
    id: uuidv7(),
    type: event.type,
    schemaVersion: 1,
    streamId: organizationStream(event.data.organizationId),
    revision: 0n,
    position,
    occurredAt: atPosition(position),
    data: event.data as Record<string, unknown>,
    metadata: { actor: { type: 'member', id: 'm-1' }, tenant: { mspId, orgId: event.data.organizationId }, client: { ip: '127.0.0.1' } },
  };
}

/** An event of another area: it moves the checkpoint but no entry. */
export function otherEvent(position: bigint): RecordedEvent {
  return { ...organizationEvent(position, { type: 'OrganizationDeployed', data: { organizationId: 'x', name: 'x' } }), type: 'ItemUsed', streamId: 'vaultItem-1', data: { itemId: '1' } };
}

/** A distinct time per position (seconds after a fixed start). */
export const atPosition = (position: bigint) => new Date(T0 + Number(position % 1_000_000n) * 1000).toISOString();
