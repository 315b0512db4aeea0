import { DataKey, openBytesWithDataKey, sealTextWithDataKey } from '@app/crypto';
import { parse as parseUuid, stringify as stringifyUuid } from 'uuid';
import { boundedMemo } from './bounded-memo';

/**
 * A personal value at rest: `pd1:<subject key id>:<base64url(event id ‖ type length ‖ type ‖
 * iv ‖ tag ‖ ciphertext)>:`, AES-256-GCM under the subject's data key with the event's id and
 * type as associated data. Self-contained (a read model may copy it anywhere and it still
 * reveals) and delimited (the trailing ':' ends it, so it is found inside a sentence too).
 */
export const TOKEN_PATTERN = /pd1:([0-9a-f]{24}):([A-Za-z0-9_-]{40,}):/g;
const WHOLE_TOKEN = /^pd1:[0-9a-f]{24}:[A-Za-z0-9_-]{40,}:$/;
const MIN_BYTES = 16 + 1 + 12 + 16;

/** Which event a sealed value belongs to: authenticated, so a value moved to another event does not open. */
export interface TokenContext {
  eventId: string;
  eventType: string;
}

export const isToken = (value: string): boolean => WHOLE_TOKEN.test(value);

/** A cheap test before the pattern: most strings hold no token at all. */
export const mayHoldToken = (value: string): boolean => value.includes('pd1:');

/** The key ids of every token inside `text`. */
export function tokenKeyIds(text: string, into: Set<string>): void {
  for (const match of text.matchAll(TOKEN_PATTERN)) into.add(match[1]);
}

export function sealToken(key: DataKey, keyId: string, plaintext: string, context: TokenContext): string {
  return tokenSealer(context)(key, keyId, plaintext);
}

/** sealToken for the values of one event: the event's part of every token (id and type) is encoded once. */
export function tokenSealer(context: TokenContext): (key: DataKey, keyId: string, plaintext: string) => string {
  const type = Buffer.from(context.eventType, 'utf8');
  if (type.length > 255) throw new RangeError('an event type longer than 255 bytes cannot be a token context');
  const header = Buffer.concat([Buffer.from(parseUuid(context.eventId)), Buffer.of(type.length), type]);
  const aadTail = Buffer.from(`\0${context.eventId.toLowerCase()}\0${context.eventType}`, 'utf8');
  return (key, keyId, plaintext) => `pd1:${keyId}:${sealTextWithDataKey(key, plaintext, [aadHeadOf(keyId), aadTail], header).toString('base64url')}:`;
}

/** `pd1\0<key id>`, the associated data's first part, encoded once per subject. */
const aadHeadOf = boundedMemo(100_000, (keyId: string) => Buffer.from(`pd1\0${keyId}`, 'utf8'));

/** The plaintext, or undefined when the body does not open under this key (altered, or forged). */
export function openToken(key: DataKey, keyId: string, body: string): string | undefined {
  const bytes = Buffer.from(body, 'base64url');
  if (bytes.length < MIN_BYTES) return undefined;
  const sealedAt = 17 + bytes[16];
  if (bytes.length < sealedAt + 28) return undefined;
  const context = { eventId: stringifyUuid(bytes.subarray(0, 16)), eventType: bytes.subarray(17, sealedAt).toString('utf8') };
  try {
    return openBytesWithDataKey(key, bytes.subarray(sealedAt), aadOf(keyId, context)).toString('utf8');
  } catch {
    return undefined;
  }
}

function aadOf(keyId: string, { eventId, eventType }: TokenContext): Buffer {
  return Buffer.from(`pd1\0${keyId}\0${eventId.toLowerCase()}\0${eventType}`, 'utf8');
}
