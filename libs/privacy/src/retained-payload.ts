import { createHash } from 'node:crypto';
import { DataKey, openBytesWithDataKey, sealTextWithDataKey } from '@app/crypto';
import { TokenContext } from './personal-token';

/**
 * An `activity` event's payload at rest: its data and the personal parts of its envelope (the
 * actor's email and name, the client), sealed under its tenant's key for the month it happened
 * in: `rt1:<period key id>:<base64url(iv ‖ tag ‖ ciphertext)>:`, the event's id and type as
 * associated data. The retention job deletes that key once the month is wholly past retention.
 */
export const RETAINED_FIELD = '$retained';
const RETAINED = /^rt1:([0-9a-f]{24}):([A-Za-z0-9_-]+):$/;

/** What the payload holds. Personal values inside it are still sealed under their subjects' keys. */
export interface RetainedPayload {
  data: Record<string, unknown>;
  actor: { email?: string; name?: string };
  client: Record<string, unknown>;
}

/** A tenant's month: `org:<id>` or `msp:<id>`, and `YYYY-MM` (UTC). */
export interface RetentionPeriod {
  tenant: string;
  period: string;
}

export function periodKeyId({ tenant, period }: RetentionPeriod): string {
  const name = `${tenant}\0${period}`;
  let keyId = periodKeyIds.get(name);
  if (keyId === undefined) {
    if (periodKeyIds.size >= 10_000) periodKeyIds.clear();
    keyId = createHash('sha256').update(`retention\0${name}`).digest('hex').slice(0, 24);
    periodKeyIds.set(name, keyId);
  }
  return keyId;
}

/** Period key ids computed so far: every `activity` event of a tenant's month names the same one. */
const periodKeyIds = new Map<string, string>();

export const periodKeyContext = (keyId: string) => `retention:${keyId}`;

export const periodOf = (at: Date): string => at.toISOString().slice(0, 7);

/** The first instant after the period: a month is wholly past a cutoff when this is at or before it. */
export function periodEnd(period: string): Date {
  const [year, month] = period.split('-').map(Number);
  return new Date(Date.UTC(year, month, 1));
}

export function sealRetained(key: DataKey, keyId: string, payload: RetainedPayload, context: TokenContext): string {
  const sealed = sealTextWithDataKey(key, JSON.stringify(payload), [aadOf(keyId, context)]);
  return `rt1:${keyId}:${sealed.toString('base64url')}:`;
}

/** The period key id a stored `data` is sealed under, or undefined when the data is not a retained payload. */
export function retainedKeyIdOf(data: unknown): string | undefined {
  const sealed = retainedTextOf(data);
  return sealed === undefined ? undefined : RETAINED.exec(sealed)?.[1];
}

/** The stored payload's key id and body, read once (retainedKeyIdOf and openRetained in one). */
export function parseRetained(data: unknown): { keyId: string; body: string } | undefined {
  const match = RETAINED.exec(retainedTextOf(data) ?? '');
  return match ? { keyId: match[1], body: match[2] } : undefined;
}

/** The payload of what parseRetained read, or undefined when it does not open under this key. */
export function openRetained(key: DataKey, parsed: { keyId: string; body: string }, context: TokenContext): RetainedPayload | undefined {
  try {
    return JSON.parse(openBytesWithDataKey(key, Buffer.from(parsed.body, 'base64url'), aadOf(parsed.keyId, context)).toString('utf8'));
  } catch {
    return undefined;
  }
}

function retainedTextOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const value = (data as Record<string, unknown>)[RETAINED_FIELD];
  return typeof value === 'string' ? value : undefined;
}

function aadOf(keyId: string, { eventId, eventType }: TokenContext): Buffer {
  return Buffer.from(`rt1\0${keyId}\0${eventId.toLowerCase()}\0${eventType}`, 'utf8');
}
