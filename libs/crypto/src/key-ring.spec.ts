import { inspect } from 'node:util';
import { DecryptionFailedError, MalformedCiphertextError, MasterKeyConfigError, UnknownMasterKeyError } from './crypto.errors';
import { DataKey, openWithDataKey, sealWithDataKey } from './data-key';
import { KeyRing } from './key-ring';
import { MasterKey, masterKeysFromList } from './master-key';

describe('KeyRing', () => {
  const context = 'integration:i-1';

  it('wraps a data key under the primary master key, naming it, and unwraps it', () => {
    const master = MasterKey.generate();
    const ring = new KeyRing(master);
    const dataKey = DataKey.generate();
    const sealed = sealWithDataKey(dataKey, 'hec-token', context);
    const wrapped = ring.wrap(dataKey, context);
    expect(wrapped).toMatch(new RegExp(`^k1\\.${master.id}\\.[A-Za-z0-9_-]+$`));
    expect(ring.keyIdOf(wrapped)).toBe(master.id);
    expect(openWithDataKey(ring.unwrap(wrapped, context), sealed, context).toString()).toBe('hec-token');
  });

  it('refuses a wrapped key under another context, a tampered one, or one naming an edited key id', () => {
    const ring = new KeyRing(MasterKey.generate(), [MasterKey.generate()]);
    const wrapped = ring.wrap(DataKey.generate(), context);
    expect(() => ring.unwrap(wrapped, 'integration:i-2')).toThrow(DecryptionFailedError);
    const [version, id, body] = wrapped.split('.');
    const bytes = Buffer.from(body, 'base64url');
    bytes[20] ^= 0x04;
    expect(() => ring.unwrap(`${version}.${id}.${bytes.toString('base64url')}`, context)).toThrow(DecryptionFailedError);
    const otherId = ring.keyIds[1];
    expect(() => ring.unwrap(`${version}.${otherId}.${body}`, context)).toThrow(DecryptionFailedError);
    expect(() => ring.unwrap(`k2.${id}.${body}`, context)).toThrow(MalformedCiphertextError);
  });

  it('says which master key is missing when the ring does not hold it', () => {
    const old = MasterKey.generate();
    const wrapped = new KeyRing(old).wrap(DataKey.generate(), context);
    const error = captureError(() => new KeyRing(MasterKey.generate()).unwrap(wrapped, context));
    expect(error).toBeInstanceOf(UnknownMasterKeyError);
    expect((error as UnknownMasterKeyError).keyId).toBe(old.id);
  });

  it('rotates: the new primary unwraps old wraps beside the old key, rewraps them, then the old key can go', () => {
    const oldKey = MasterKey.generate();
    const newKey = MasterKey.generate();
    const dataKey = DataKey.generate();
    const sealed = sealWithDataKey(dataKey, 'client-secret', context);
    const wrappedByOld = new KeyRing(oldKey).wrap(dataKey, context);

    const during = new KeyRing(newKey, [oldKey]);
    expect(during.needsRewrap(wrappedByOld)).toBe(true);
    const rewrapped = during.rewrap(wrappedByOld, context);
    expect(during.needsRewrap(rewrapped)).toBe(false);

    const after = new KeyRing(newKey);
    expect(openWithDataKey(after.unwrap(rewrapped, context), sealed, context).toString()).toBe('client-secret');
    expect(() => after.unwrap(wrappedByOld, context)).toThrow(UnknownMasterKeyError);
  });
});

describe('MasterKey', () => {
  const base64 = Buffer.alloc(32, 9).toString('base64');

  it('has a stable fingerprint id and never shows its bytes', () => {
    const a = MasterKey.fromBase64(base64, 'KEY');
    expect(a.id).toBe(MasterKey.fromBase64(`${base64}\n`, 'KEY').id);
    expect(a.id).not.toBe(MasterKey.generate().id);
    expect(JSON.stringify(a)).not.toContain(base64);
    expect(inspect(a)).not.toContain(base64);
  });

  it.each([
    ['empty', ''],
    ['not base64', 'not a key at all!'],
    ['31 bytes', Buffer.alloc(31).toString('base64')],
    ['33 bytes', Buffer.alloc(33).toString('base64')],
    ['hex instead of base64', Buffer.alloc(32, 1).toString('hex')],
  ])('refuses a value that is %s, naming where it came from', (_, value) => {
    expect(() => MasterKey.fromBase64(value, 'SECRETS_MASTER_KEY')).toThrow(MasterKeyConfigError);
    expect(() => MasterKey.fromBase64(value, 'SECRETS_MASTER_KEY')).toThrow(/SECRETS_MASTER_KEY/);
  });

  it('reads a comma-separated list of older keys, or none', () => {
    const other = Buffer.alloc(32, 3).toString('base64');
    expect(masterKeysFromList(`${base64},${other}`, 'PREVIOUS').map((k) => k.id)).toHaveLength(2);
    expect(masterKeysFromList('  ', 'PREVIOUS')).toEqual([]);
    expect(() => masterKeysFromList(`${base64},oops`, 'PREVIOUS')).toThrow(/PREVIOUS \(key 2\)/);
  });
});

function captureError(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
