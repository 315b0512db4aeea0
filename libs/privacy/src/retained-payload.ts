import { createHash } from 'node:crypto';
import { DataKey, openBytesWithDataKey, sealTextWithDataKey } from '@app/crypto';
import { boundedMemo } from './bounded-memo';
import { TokenContext } from './personal-token';

/**
 * An `activity` event's payload at rest: its data and the personal parts of its envelope (the
 * actor's email and name, the client), sealed under its tenant's key for the month it happened
 * in: `rt1:<period key id>:<base64url(iv ‖ tag ‖ ciphertext)>:`, the event's id and type as
 * associated data. The retention job deletes that key once the month is wholly past retention.
 */
export const RETAINED_FIELD = '$retained';
const PREFIX = 'rt1:';
/** Where the body starts: after `rt1:`, the 24 hex digits of the key id and a ':'. */
const BODY_AT = PREFIX.length + 24 + 1;
const COLON = 0x3a;

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
  return periodKeyIdOf(`${tenant}\0${period}`);
}

/** Period key ids computed so far: every `activity` event of a tenant's month names the same one. */
const periodKeyIdOf = boundedMemo(10_000, (name: string) => createHash('sha256').update(`retention\0${name}`).digest('hex').slice(0, 24));

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
  return parseRetained(data)?.keyId;
}

/** What parseRetained reads of a stored payload: its key id, and the whole stored text (the body is decoded by openRetained). */
export interface ParsedRetained {
  keyId: string;
  text: string;
}

/**
 * The stored payload's key id, read once (retainedKeyIdOf and openRetained in one). Read by
 * position, not with a pattern: it runs for every `activity` event a rebuild reads, and the body
 * is checked where it is decoded (base64url that decodes to fewer bytes than its length says is
 * not a payload) and then by AES-GCM.
 */
export function parseRetained(data: unknown): ParsedRetained | undefined {
  const text = retainedTextOf(data);
  if (text === undefined || text.length <= BODY_AT + 1 || !text.startsWith(PREFIX)) return undefined;
  if (text.charCodeAt(BODY_AT - 1) !== COLON || text.charCodeAt(text.length - 1) !== COLON || !isKeyId(text, PREFIX.length)) return undefined;
  return { keyId: text.slice(PREFIX.length, BODY_AT - 1), text };
}

/** The payload of what parseRetained read, or undefined when it does not open under this key (or its body is not base64url). */
export function openRetained(key: DataKey, parsed: ParsedRetained, context: TokenContext): RetainedPayload | undefined {
  const sealed = decodeBody(parsed.text);
  if (sealed === undefined) return undefined;
  try {
    return JSON.parse(openBytesWithDataKey(key, sealed, aadOf(parsed.keyId, context)).toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The body's bytes, decoded into a buffer reused from one payload to the next (opening is
 * synchronous, and AES-GCM copies the IV and tag and writes the plaintext to a buffer of its own):
 * no allocation per event for what is only read once. Node skips characters outside the alphabet,
 * so a body with any decodes to fewer bytes than its length says (it reads '+' and '/' as '-' and
 * '_': the same bytes, which AES-GCM then authenticates as it would the stored form).
 */
function decodeBody(text: string): Buffer | undefined {
  const chars = text.length - 1 - BODY_AT;
  if (chars % 4 === 1) return undefined;
  const bytes = Math.floor((chars * 3) / 4);
  if (scratch.length < bytes) scratch = Buffer.allocUnsafeSlow(Math.max(bytes, 2 * scratch.length));
  const written = scratch.write(text.slice(BODY_AT, -1), 0, 'base64url');
  return written === bytes ? scratch.subarray(0, bytes) : undefined;
}

let scratch = Buffer.allocUnsafeSlow(4096);

/** 24 lowercase hex digits at `at`. */
function isKeyId(text: string, at: number): boolean {
  for (let i = at; i < at + 24; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

function retainedTextOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const value = (data as Record<string, unknown>)[RETAINED_FIELD];
  return typeof value === 'string' ? value : undefined;
}

/** The associated data, written to a buffer reused by every seal and open (both synchronous; AES-GCM reads it at once). */
function aadOf(keyId: string, { eventId, eventType }: TokenContext): Buffer {
  const text = `rt1\0${keyId}\0${eventId.toLowerCase()}\0${eventType}`;
  if (text.length * 3 > aadScratch.length) return Buffer.from(text, 'utf8');
  return aadScratch.subarray(0, aadScratch.write(text, 0, 'utf8'));
}

const aadScratch = Buffer.allocUnsafeSlow(1024);
