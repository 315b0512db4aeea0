import { randomBytes } from 'node:crypto';
import { aesGcmOpen, aesGcmSeal, aesGcmSealText } from './aes-gcm';
import { DecryptionFailedError, MalformedCiphertextError } from './crypto.errors';

describe('AES-256-GCM seal/open', () => {
  const key = randomBytes(32);
  const aad = Buffer.from('integration:i-1:hecToken');
  const plaintext = Buffer.from('a secret worth keeping');

  it('opens what it sealed, and seals the same plaintext differently each time', () => {
    const first = aesGcmSeal(key, plaintext, aad);
    const second = aesGcmSeal(key, plaintext, aad);
    expect(aesGcmOpen(key, first, aad)).toEqual(plaintext);
    expect(first.equals(second)).toBe(false);
    expect(first.includes(plaintext)).toBe(false);
  });

  it.each([
    ['the IV', 0],
    ['the tag', 12],
    ['the ciphertext', 28],
    ['the last byte', -1],
  ])('refuses a ciphertext with one bit flipped in %s', (_, offset) => {
    const sealed = aesGcmSeal(key, plaintext, aad);
    const at = offset < 0 ? sealed.length + offset : offset;
    sealed[at] ^= 0x01;
    expect(() => aesGcmOpen(key, sealed, aad)).toThrow(DecryptionFailedError);
  });

  it('refuses the wrong associated data and the wrong key', () => {
    const sealed = aesGcmSeal(key, plaintext, aad);
    expect(() => aesGcmOpen(key, sealed, Buffer.from('integration:i-2:hecToken'))).toThrow(DecryptionFailedError);
    expect(() => aesGcmOpen(randomBytes(32), sealed, aad)).toThrow(DecryptionFailedError);
  });

  it('refuses a truncated ciphertext as malformed and a key of the wrong size', () => {
    expect(() => aesGcmOpen(key, Buffer.alloc(20), aad)).toThrow(MalformedCiphertextError);
    expect(() => aesGcmSeal(randomBytes(16), plaintext, aad)).toThrow(RangeError);
  });

  it('seals text with the associated data in parts as the same AEAD over their concatenation, after a prefix', () => {
    const prefix = Buffer.from('header');
    const sealed = aesGcmSealText(key, 'é a secret', [Buffer.from('integration:'), Buffer.from('i-1:hecToken')], prefix);
    expect(sealed.subarray(0, prefix.length)).toEqual(prefix);
    expect(aesGcmOpen(key, sealed.subarray(prefix.length), aad).toString('utf8')).toBe('é a secret');
    expect(() => aesGcmOpen(key, sealed.subarray(prefix.length), Buffer.from('integration:i-1:hecTokeN'))).toThrow(DecryptionFailedError);
    expect(aesGcmOpen(key, aesGcmSealText(key, '', [aad]), aad).length).toBe(0);
  });
});
