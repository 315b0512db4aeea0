import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DecryptionFailedError, MalformedCiphertextError } from './crypto.errors';

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a fresh random 96-bit IV. The result is `iv ‖ tag ‖ ciphertext`.
 * A random IV is safe for far more messages per key than this system will ever seal
 * (NIST SP 800-38D allows 2^32 per key).
 */
export function aesGcmSeal(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  return aesGcmSealText(key, plaintext, [aad]);
}

/**
 * aesGcmSeal for many small values: `prefix ‖ iv ‖ tag ‖ ciphertext` written into one buffer,
 * the plaintext given as text (or bytes) and the associated data in parts (GCM takes AAD in several updates
 * before the plaintext, and authenticates their concatenation), so sealing one personal value
 * allocates one buffer instead of five.
 */
export function aesGcmSealText(key: Buffer, plaintext: string | Buffer, aad: readonly Buffer[], prefix?: Buffer): Buffer {
  checkKey(key);
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  for (const part of aad) cipher.setAAD(part);
  const ciphertext = typeof plaintext === 'string' ? cipher.update(plaintext, 'utf8') : cipher.update(plaintext);
  cipher.final();
  const at = prefix?.length ?? 0;
  const out = Buffer.allocUnsafe(at + IV_BYTES + TAG_BYTES + ciphertext.length);
  prefix?.copy(out, 0);
  iv.copy(out, at);
  cipher.getAuthTag().copy(out, at + IV_BYTES);
  ciphertext.copy(out, at + IV_BYTES + TAG_BYTES);
  return out;
}

/** Opens what `aesGcmSeal` produced; throws DecryptionFailedError if anything does not match. */
export function aesGcmOpen(key: Buffer, sealed: Buffer, aad: Buffer, what = 'the ciphertext'): Buffer {
  checkKey(key);
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new MalformedCiphertextError(`${what} is too short to be AES-GCM output`);
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  try {
    // GCM is a stream mode: update gives every byte and final() only checks the tag (its output is empty).
    const plaintext = decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES));
    const rest = decipher.final();
    return rest.length === 0 ? plaintext : Buffer.concat([plaintext, rest]);
  } catch {
    throw new DecryptionFailedError(what);
  }
}

/**
 * Random IVs drawn from a pool refilled 4 KiB at a time: as random as one randomBytes(12) per
 * message, without paying a call into the CSPRNG for each (sealing many small personal values).
 * Each IV is copied out of the pool, which is never reused.
 */
const IV_POOL_BYTES = 4096;
let ivPool = Buffer.alloc(0);
let ivOffset = 0;

function nextIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_POOL_BYTES);
    ivOffset = 0;
  }
  const iv = Buffer.from(ivPool.subarray(ivOffset, ivOffset + IV_BYTES));
  ivOffset += IV_BYTES;
  return iv;
}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`an AES-256 key has ${KEY_BYTES} bytes, not ${key.length}`);
}
