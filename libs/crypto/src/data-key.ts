import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { aesGcmOpen, aesGcmSeal, aesGcmSealText, KEY_BYTES } from './aes-gcm';
import { decodeBase64Url } from './base64url';
import { MalformedCiphertextError } from './crypto.errors';
import { destroyKeyBytes, holdKeyBytes, keyBytes } from './key-material';

const SEALED_VERSION = 's1';

/**
 * A 256-bit key for data: one per integration's secrets, one per person's personal data, …
 * It is stored only wrapped by a master key (KeyRing.wrap); deleting the wrapped key
 * makes everything sealed with it unreadable (crypto-shredding).
 */
export class DataKey {
  private constructor(bytes: Buffer) {
    holdKeyBytes(this, bytes);
  }

  static generate(): DataKey {
    return new DataKey(randomBytes(KEY_BYTES));
  }

  static fromBytes(bytes: Buffer): DataKey {
    if (bytes.length !== KEY_BYTES) throw new RangeError(`a data key has ${KEY_BYTES} bytes, not ${bytes.length}`);
    return new DataKey(bytes);
  }

  /** Zeroes the key in memory; any later use throws. */
  destroy(): void {
    destroyKeyBytes(this);
  }

  toJSON(): string {
    return '[DataKey]';
  }

  [inspect.custom](): string {
    return 'DataKey [redacted]';
  }
}

/**
 * Seals `plaintext` as `s1.<base64url(iv ‖ tag ‖ ciphertext)>`. `aad` says what the value is and
 * whose (e.g. `integration:<id>:hecToken`): it is authenticated, not stored, so a ciphertext
 * moved to another record or field no longer opens.
 */
export function sealWithDataKey(key: DataKey, plaintext: string | Buffer, aad: string): string {
  const bytes = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
  return `${SEALED_VERSION}.${aesGcmSeal(keyBytes(key), bytes, sealedAad(aad)).toString('base64url')}`;
}

/** Opens what sealWithDataKey produced, with the same `aad`; throws DecryptionFailedError otherwise. */
export function openWithDataKey(key: DataKey, sealed: string, aad: string): Buffer {
  const [version, body, ...rest] = sealed.split('.');
  if (version !== SEALED_VERSION || body === undefined || rest.length > 0) {
    throw new MalformedCiphertextError(`not a sealed value of version ${SEALED_VERSION}`);
  }
  return aesGcmOpen(keyBytes(key), decodeBase64Url(body, 'the sealed value'), sealedAad(aad), 'the sealed value');
}

/**
 * The binary form, for formats that carry their own framing (personal-data tokens): `iv ‖ tag ‖
 * ciphertext` under the data key, `aad` authenticated as given.
 */
export function sealBytesWithDataKey(key: DataKey, plaintext: Buffer, aad: Buffer): Buffer {
  return aesGcmSeal(keyBytes(key), plaintext, aad);
}

/** sealBytesWithDataKey of text, with `prefix` before the result in the same buffer and the aad in parts (see aesGcmSealText). */
export function sealTextWithDataKey(key: DataKey, plaintext: string, aad: readonly Buffer[], prefix?: Buffer): Buffer {
  return aesGcmSealText(keyBytes(key), plaintext, aad, prefix);
}

/** Opens what sealBytesWithDataKey produced; throws DecryptionFailedError (or MalformedCiphertextError) otherwise. */
export function openBytesWithDataKey(key: DataKey, sealed: Buffer, aad: Buffer): Buffer {
  return aesGcmOpen(keyBytes(key), sealed, aad);
}

/** The version is authenticated too, so a future format cannot be confused with this one. */
function sealedAad(aad: string): Buffer {
  return Buffer.from(`${SEALED_VERSION}\0${aad}`, 'utf8');
}
