import { calculateJwkThumbprint, decodeJwt, importPKCS8, jwtVerify, SignJWT, importJWK } from 'jose';
import { createPrivateKey } from 'node:crypto';
import { generateApiKeyPair, hashOpaqueToken, jwkThumbprint, newOpaqueToken } from './api-credentials';

describe('API credentials', () => {
  it('generates an ES256 pair whose PKCS#8 private key signs what the public JWK verifies', async () => {
    const pair = generateApiKeyPair();
    expect(pair.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
    expect(createPrivateKey(pair.privateKeyPem).asymmetricKeyDetails).toEqual({ namedCurve: 'prime256v1' });
    expect(Object.keys(pair.publicKey).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    const jwt = await new SignJWT({ a: 1 }).setProtectedHeader({ alg: 'ES256' }).sign(await importPKCS8(pair.privateKeyPem, 'ES256'));
    const { payload } = await jwtVerify(jwt, await importJWK(pair.publicKey, 'ES256'));
    expect(payload).toEqual(decodeJwt(jwt));
  });

  it('computes the RFC 7638 thumbprint as jose does', async () => {
    const { publicKey, thumbprint } = generateApiKeyPair();
    expect(thumbprint).toBe(await calculateJwkThumbprint(publicKey, 'sha256'));
    expect(jwkThumbprint(publicKey)).toBe(thumbprint);
  });

  it('never makes the same pair twice', () => {
    expect(generateApiKeyPair().thumbprint).not.toBe(generateApiKeyPair().thumbprint);
  });

  it('makes prefixed 256-bit tokens and keeps their SHA-256 only', () => {
    const { token, hash } = newOpaqueToken('alt_');
    expect(token).toMatch(/^alt_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOpaqueToken(token)).toBe(hash);
    expect(newOpaqueToken('alt_').token).not.toBe(token);
  });
});
