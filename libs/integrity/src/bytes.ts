import { hash, timingSafeEqual } from 'node:crypto';

/** A SHA-256 output: 32 bytes. */
export type Hash = Uint8Array;

export const HASH_SIZE = 32;

/** One-shot (half the cost of a Hash object for the 65 bytes of an inner node, hashed once per leaf indexed). */
export function sha256(...parts: Uint8Array[]): Hash {
  return new Uint8Array(hash('sha256', parts.length === 1 ? parts[0] : Buffer.concat(parts), 'buffer') as unknown as Buffer);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Standard base64 (RFC 4648 §4), strictly: Buffer.from(…, 'base64') silently skips
 * characters it does not know, which would let a tampered value decode to something.
 */
export function fromBase64(text: string): Uint8Array {
  if (!BASE64.test(text)) throw new Error('not standard base64');
  const bytes = new Uint8Array(Buffer.from(text, 'base64'));
  if (toBase64(bytes) !== text) throw new Error('not canonical base64');
  return bytes;
}

/** fromBase64, or undefined when the text is not base64. */
export function tryFromBase64(text: unknown): Uint8Array | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    return fromBase64(text);
  } catch {
    return undefined;
  }
}

export function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}
