import { inspect } from 'node:util';
import { CryptoError, DecryptionFailedError, MalformedCiphertextError } from './crypto.errors';
import { DataKey, openBytesWithDataKey, openWithDataKey, sealBytesWithDataKey, sealWithDataKey } from './data-key';

describe('sealWithDataKey / openWithDataKey', () => {
  const aad = 'subject:member-42:email';

  it('round-trips text under a versioned, base64url format', () => {
    const key = DataKey.generate();
    const sealed = sealWithDataKey(key, 'ada@example.com', aad);
    expect(sealed).toMatch(/^s1\.[A-Za-z0-9_-]+$/);
    expect(openWithDataKey(key, sealed, aad).toString('utf8')).toBe('ada@example.com');
  });

  it('throws DecryptionFailedError for a flipped bit, another aad or another key', () => {
    const key = DataKey.generate();
    const sealed = sealWithDataKey(key, 'ada@example.com', aad);
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    bytes[bytes.length - 1] ^= 0x80;
    expect(() => openWithDataKey(key, `s1.${bytes.toString('base64url')}`, aad)).toThrow(DecryptionFailedError);
    expect(() => openWithDataKey(key, sealed, 'subject:member-43:email')).toThrow(DecryptionFailedError);
    expect(() => openWithDataKey(DataKey.generate(), sealed, aad)).toThrow(DecryptionFailedError);
  });

  it('throws MalformedCiphertextError for an unknown version or damaged text', () => {
    const key = DataKey.generate();
    const sealed = sealWithDataKey(key, 'x', aad);
    expect(() => openWithDataKey(key, sealed.replace(/^s1/, 's2'), aad)).toThrow(MalformedCiphertextError);
    expect(() => openWithDataKey(key, `${sealed}.extra`, aad)).toThrow(MalformedCiphertextError);
    expect(() => openWithDataKey(key, 's1.not base64!', aad)).toThrow(MalformedCiphertextError);
    expect(() => openWithDataKey(key, 'plain text', aad)).toThrow(MalformedCiphertextError);
  });

  it('never shows its bytes, and cannot be used once destroyed (crypto-shredding in memory)', () => {
    const bytes = Buffer.alloc(32, 7);
    const key = DataKey.fromBytes(bytes);
    expect(JSON.stringify({ key })).toBe('{"key":"[DataKey]"}');
    expect(inspect(key)).toBe('DataKey [redacted]');
    expect(Object.values(key)).toHaveLength(0);
    const sealed = sealWithDataKey(key, 'x', aad);
    key.destroy();
    expect(() => openWithDataKey(key, sealed, aad)).toThrow(CryptoError);
    expect(openWithDataKey(DataKey.fromBytes(bytes), sealed, aad).toString()).toBe('x');
    expect(() => DataKey.fromBytes(Buffer.alloc(16))).toThrow(RangeError);
  });
});

describe('sealBytesWithDataKey / openBytesWithDataKey', () => {
  it('round-trips bytes under their associated data, refuses another aad or an altered byte, never repeats an IV', () => {
    const key = DataKey.generate();
    const aad = Buffer.from('pd1\0k\0e\0T');
    const sealed = sealBytesWithDataKey(key, Buffer.from('ann@example.com'), aad);
    expect(openBytesWithDataKey(key, sealed, aad).toString()).toBe('ann@example.com');
    expect(() => openBytesWithDataKey(key, sealed, Buffer.from('other'))).toThrow(DecryptionFailedError);
    sealed[sealed.length - 1] ^= 1;
    expect(() => openBytesWithDataKey(key, sealed, aad)).toThrow(DecryptionFailedError);
    const ivs = new Set(Array.from({ length: 1000 }, () => sealBytesWithDataKey(key, Buffer.from('x'), aad).subarray(0, 12).toString('hex')));
    expect(ivs.size).toBe(1000);
  });
});
