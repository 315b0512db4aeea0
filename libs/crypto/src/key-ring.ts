import { aesGcmOpen, aesGcmSeal } from './aes-gcm';
import { decodeBase64Url } from './base64url';
import { MalformedCiphertextError, UnknownMasterKeyError } from './crypto.errors';
import { DataKey } from './data-key';
import { keyBytes } from './key-material';
import { MasterKey } from './master-key';

const WRAPPED_VERSION = 'k1';
const KEY_ID = /^[0-9a-f]{16}$/;

/**
 * The master keys in force: the primary wraps every new data key; older ones only unwrap,
 * until every data key they wrapped was rewrapped (rotation: put the new key first, keep the
 * old one behind it, rewrap what `needsRewrap`, then drop the old key).
 */
export class KeyRing {
  private readonly keys = new Map<string, MasterKey>();

  constructor(readonly primary: MasterKey, previous: readonly MasterKey[] = []) {
    for (const key of [primary, ...previous]) if (!this.keys.has(key.id)) this.keys.set(key.id, key);
  }

  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  /** `k1.<master key id>.<base64url(iv ‖ tag ‖ wrapped key)>`; `context` binds it to its owner. */
  wrap(dataKey: DataKey, context: string): string {
    const wrapped = aesGcmSeal(keyBytes(this.primary), keyBytes(dataKey), wrapAad(this.primary.id, context));
    return `${WRAPPED_VERSION}.${this.primary.id}.${wrapped.toString('base64url')}`;
  }

  unwrap(wrapped: string, context: string): DataKey {
    const { keyId, body } = parseWrapped(wrapped);
    const master = this.keys.get(keyId);
    if (!master) throw new UnknownMasterKeyError(keyId);
    return DataKey.fromBytes(aesGcmOpen(keyBytes(master), body, wrapAad(keyId, context), 'the wrapped data key'));
  }

  /** The id of the master key that wrapped it (throws MalformedCiphertextError if it is no wrapped key). */
  keyIdOf(wrapped: string): string {
    return parseWrapped(wrapped).keyId;
  }

  needsRewrap(wrapped: string): boolean {
    return this.keyIdOf(wrapped) !== this.primary.id;
  }

  /** The same data key, wrapped by the primary: what sealed with it stays readable. */
  rewrap(wrapped: string, context: string): string {
    const dataKey = this.unwrap(wrapped, context);
    try {
      return this.wrap(dataKey, context);
    } finally {
      dataKey.destroy();
    }
  }
}

function parseWrapped(wrapped: string): { keyId: string; body: Buffer } {
  const [version, keyId, body, ...rest] = wrapped.split('.');
  if (version !== WRAPPED_VERSION || !KEY_ID.test(keyId ?? '') || body === undefined || rest.length > 0) {
    throw new MalformedCiphertextError(`not a wrapped data key of version ${WRAPPED_VERSION}`);
  }
  return { keyId, body: decodeBase64Url(body, 'the wrapped data key') };
}

/** Version and key id are authenticated: an envelope edited to name another key does not open. */
function wrapAad(keyId: string, context: string): Buffer {
  return Buffer.from(`${WRAPPED_VERSION}\0${keyId}\0${context}`, 'utf8');
}
