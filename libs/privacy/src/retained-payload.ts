import { createHash } from 'node:crypto';
import { DataKey, openBytesWithDataKey, sealBytesWithDataKey } from '@app/crypto';
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
  return createHash('sha256').update(`retention\0${tenant}\0${period}`).digest('hex').slice(0, 24);
}

export const periodKeyContext = (keyId: string) => `retention:${keyId}`;

export const periodOf = (at: Date): string => at.toISOString().slice(0, 7);

/** The first instant after the period: a month is wholly past a cutoff when this is at or before it. */
export function periodEnd(period: string): Date {
  const [year, month] = period.split('-').map(Number);
  return new Date(Date.UTC(year, month, 1));
}

export function sealRetained(key: DataKey, keyId: string, payload: RetainedPayload, context: TokenContext): string {
  const sealed = sealBytesWithDataKey(key, Buffer.from(JSON.stringify(payload), 'utf8'), aadOf(keyId, context));
  return `rt1:${keyId}:${sealed.toString('base64url')}:`;
}

/** The period key id a stored `data` is sealed under, or undefined when the data is not a retained payload. */
export function retainedKeyIdOf(data: unknown): string | undefined {
  const sealed = retainedTextOf(data);
  return sealed === undefined ? undefined : RETAINED.exec(sealed)?.[1];
}

export function openRetained(key: DataKey, data: Record<string, unknown>, context: TokenContext): RetainedPayload | undefined {
  const match = RETAINED.exec(retainedTextOf(data) ?? '');
  if (!match) return undefined;
  try {
    return JSON.parse(openBytesWithDataKey(key, Buffer.from(match[2], 'base64url'), aadOf(match[1], context)).toString('utf8'));
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
