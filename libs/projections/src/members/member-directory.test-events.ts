import { v7 as uuidv7 } from 'uuid';
import { MspEvent, mspStream, OrgRosterEvent, orgRosterStream } from '@app/domain';
import { RecordedEvent } from '@app/event-store';

const T0 = Date.parse('2026-06-01T00:00:00.000Z');

/** A distinct time per position (seconds after a fixed start). */
export const atPosition = (position: bigint) => new Date(T0 + Number(position % 1_000_000n) * 1000).toISOString();

function recorded(position: bigint, type: string, data: object, streamId: string, tenant: { mspId?: string; orgId?: string }): RecordedEvent {
  return {
    id: uuidv7(), type, schemaVersion: 1, streamId, revision: 0n, position, occurredAt: atPosition(position),
    data: data as Record<string, unknown>,
    metadata: { actor: { type: 'member', id: 'm-1' }, tenant, client: { ip: '127.0.0.1' } },
  };
}

/** An MSP event as the store hands it to a projector. */
export function mspEvent(position: bigint, mspId: string, event: MspEvent): RecordedEvent {
  return recorded(position, event.type, event.data, mspStream(mspId), { mspId });
}

/** An organization roster event, with the supervising MSP in its tenant as the write side records it. */
export function rosterEvent(position: bigint, orgId: string, event: OrgRosterEvent): RecordedEvent {
  return recorded(position, event.type, event.data, orgRosterStream(orgId), { mspId: 'msp-1', orgId });
}

/** An event of another area: it moves the checkpoint but no entry. */
export function otherEvent(position: bigint): RecordedEvent {
  return recorded(position, 'ItemUsed', { itemId: 'i-1' }, 'vaultItem-i-1', { orgId: 'org-1' });
}
