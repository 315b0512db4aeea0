import { v7 as uuidv7 } from 'uuid';
import { activityLogTokenStream, ActivityLogTokenEvent, ApiKeyMaterial, MspApiKeyEvent, mspApiKeyStream } from '@app/domain';
import { RecordedEvent, Tenant } from '@app/event-store';

const T0 = Date.parse('2026-06-01T00:00:00.000Z');

/** A distinct time per position (seconds after a fixed start). */
export const atPosition = (position: bigint) => new Date(T0 + Number(position % 1_000_000n) * 1000).toISOString();

/** Key material that passes the domain's checks (not a real key). */
export const testKey = (c: string): ApiKeyMaterial => ({
  algorithm: 'ES256', publicKey: { kty: 'EC', crv: 'P-256', x: c.repeat(43), y: 'y'.repeat(43) }, thumbprint: c.toUpperCase().repeat(43),
});

/** Recorded credential events, as the event store hands them to the projector. */
export function credentialEvent(position: bigint, event: MspApiKeyEvent | ActivityLogTokenEvent, tenant: Tenant, by = 'm-1'): RecordedEvent {
  const streamId = 'keyId' in event.data ? mspApiKeyStream(event.data.keyId) : activityLogTokenStream(event.data.tokenId);
  return {
    id: uuidv7(),
    type: event.type,
    schemaVersion: 1,
    streamId,
    revision: 0n,
    position,
    occurredAt: atPosition(position),
    data: event.data as unknown as Record<string, unknown>,
    metadata: { actor: { type: 'member', id: by, email: 'ann@msp.example', name: 'Ann' }, tenant, client: { ip: '127.0.0.1' } },
  };
}
