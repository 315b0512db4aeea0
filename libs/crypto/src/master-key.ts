import { createHash, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { KEY_BYTES } from './aes-gcm';
import { MasterKeyConfigError } from './crypto.errors';
import { holdKeyBytes, keyBytes } from './key-material';

/**
 * A key-encryption key from the environment or the embedded key file. It only wraps data keys.
 * Its `id` is a fingerprint of the key (not secret, not reversible), so nobody has to name keys
 * for rotation to work: a wrapped data key records which master key wrapped it.
 */
export class MasterKey {
  readonly id: string;

  private constructor(bytes: Buffer) {
    holdKeyBytes(this, bytes);
    this.id = createHash('sha256').update('activity-log master key id\0').update(bytes).digest('hex').slice(0, 16);
  }

  static generate(): MasterKey {
    return new MasterKey(randomBytes(KEY_BYTES));
  }

  static fromBytes(bytes: Buffer): MasterKey {
    if (bytes.length !== KEY_BYTES) throw new MasterKeyConfigError(`a master key has ${KEY_BYTES} bytes, not ${bytes.length}`);
    return new MasterKey(bytes);
  }

  /** `label` names where the value came from (an environment variable, a file) in the error. */
  static fromBase64(value: string, label: string): MasterKey {
    const text = value.trim();
    const bytes = Buffer.from(text, 'base64');
    if (text === '' || bytes.toString('base64') !== text) {
      throw new MasterKeyConfigError(`${label} must be the base64 of ${KEY_BYTES} random bytes (e.g. openssl rand -base64 32)`);
    }
    if (bytes.length !== KEY_BYTES) {
      throw new MasterKeyConfigError(`${label} must decode to ${KEY_BYTES} bytes, not ${bytes.length} (e.g. openssl rand -base64 32)`);
    }
    return new MasterKey(bytes);
  }

  /** For writing the embedded key file only. */
  toBase64(): string {
    return keyBytes(this).toString('base64');
  }

  toJSON(): string {
    return `[MasterKey ${this.id}]`;
  }

  [inspect.custom](): string {
    return `MasterKey ${this.id} [redacted]`;
  }
}

/** Comma-separated base64 keys (older keys kept for unwrapping during a rotation); blank gives none. */
export function masterKeysFromList(value: string | undefined, label: string): MasterKey[] {
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').map((item, i) => MasterKey.fromBase64(item, `${label} (key ${i + 1})`));
}
