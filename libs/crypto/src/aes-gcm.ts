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
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
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
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new DecryptionFailedError(what);
  }
}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`an AES-256 key has ${KEY_BYTES} bytes, not ${key.length}`);
}
