import { createHash } from 'node:crypto';

/** Kafka's limit on a topic name's length. */
const MAX_TOPIC_LENGTH = 249;

/** The topic every event goes to, for internal consumers. */
export function globalTopic(prefix: string): string {
  return `${prefix}.all`;
}

/** The topic of one MSP: its own events and those of the organizations it supervises. */
export function mspTopic(prefix: string, mspId: string): string {
  const head = `${prefix}.msp.`;
  const id = topicSafeId(mspId);
  return head.length + id.length <= MAX_TOPIC_LENGTH ? head + id : head + hashedId(mspId);
}

/**
 * Topic names allow only [a-zA-Z0-9._-], and Kafka refuses two topics whose names differ only
 * by '.' versus '_'. So an id is escaped, never merely cleaned, and distinct ids always get
 * distinct topics: letters, digits and '-' stay; every other UTF-8 byte (including '.' and '_')
 * becomes '_' and two lowercase hex digits: `acme.eu` → `acme_2eeu`, `ünï` → `_c3_bcn_c3_af`.
 * An id too long once escaped becomes `_h` and its SHA-256 in hex (no escape starts with `_h`).
 */
export function topicSafeId(id: string): string {
  let safe = '';
  for (const byte of Buffer.from(id, 'utf8')) {
    const char = String.fromCharCode(byte);
    safe += /[A-Za-z0-9-]/.test(char) ? char : `_${byte.toString(16).padStart(2, '0')}`;
  }
  return safe;
}

function hashedId(id: string): string {
  return `_h${createHash('sha256').update(id, 'utf8').digest('hex')}`;
}
