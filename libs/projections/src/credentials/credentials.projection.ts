import { ActivityLogTokenEvent, ApiKeyMaterial, MspApiKeyEvent } from '@app/domain';
import { RecordedEvent } from '@app/event-store';
import { CredentialRecord } from './credentials.store';

type CredentialEvent = MspApiKeyEvent | ActivityLogTokenEvent;

const KEY_EVENTS = new Set<string>(['MspApiKeyGenerated', 'MspApiKeyRotated', 'MspApiKeyRevoked'] satisfies MspApiKeyEvent['type'][]);
const TOKEN_EVENTS = new Set<string>(['ActivityLogTokenCreated', 'ActivityLogTokenRevoked'] satisfies ActivityLogTokenEvent['type'][]);

/** The event types the directory follows (also what an API process watches for revocations). */
export const CREDENTIAL_EVENT_TYPES: readonly string[] = [...KEY_EVENTS, ...TOKEN_EVENTS];

/** The credential an event is about, if it is one of theirs. */
export function credentialIdOf(event: RecordedEvent): string | undefined {
  const id = KEY_EVENTS.has(event.type) ? event.data.keyId : TOKEN_EVENTS.has(event.type) ? event.data.tokenId : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** The records a batch changes, given the stored ones it touches; events at or below a record's position are skipped. */
export function projectCredentials(events: RecordedEvent[], stored: ReadonlyMap<string, CredentialRecord>): CredentialRecord[] {
  const changed = new Map<string, CredentialRecord>();
  for (const event of events) {
    const id = credentialIdOf(event);
    if (!id) continue;
    const current = changed.get(id) ?? stored.get(id);
    if (current && current.position >= event.position) continue;
    const next = apply(current, event, event as unknown as CredentialEvent);
    if (next) changed.set(id, next);
  }
  return [...changed.values()];
}

function apply(record: CredentialRecord | undefined, envelope: RecordedEvent, event: CredentialEvent): CredentialRecord | undefined {
  const at = { position: envelope.position };
  switch (event.type) {
    case 'MspApiKeyGenerated':
      return {
        ...created(envelope, event.data.keyId, event.data.name), kind: 'msp_api_key', mspId: event.data.mspId, orgId: null, scope: 'msp',
        ...keyMaterial(event.data), tokenHash: null, expiresAt: null,
      };
    case 'ActivityLogTokenCreated':
      return {
        ...created(envelope, event.data.tokenId, event.data.name), kind: 'activity_log_token',
        mspId: envelope.metadata.tenant?.mspId ?? null, orgId: event.data.orgId,
        scope: event.data.scope === 'owner' ? 'org_owner' : 'org_admin',
        algorithm: null, publicKey: null, thumbprint: null, tokenHash: event.data.tokenHash ?? null, expiresAt: event.data.expiresAt ?? null,
      };
    case 'MspApiKeyRotated':
      return record && { ...record, ...keyMaterial(event.data), rotatedAt: envelope.occurredAt, ...at };
    case 'MspApiKeyRevoked':
    case 'ActivityLogTokenRevoked':
      return record && { ...record, status: 'revoked', revokedAt: envelope.occurredAt, ...at };
  }
}

function created(envelope: RecordedEvent, id: string, name: string) {
  return {
    id, name, status: 'active' as const, createdBy: envelope.metadata.actor.id, createdAt: envelope.occurredAt,
    rotatedAt: null, revokedAt: null, position: envelope.position,
  };
}

function keyMaterial(data: Partial<ApiKeyMaterial>) {
  return { algorithm: data.algorithm ?? null, publicKey: data.publicKey ?? null, thumbprint: data.thumbprint ?? null };
}
