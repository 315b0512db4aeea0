import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';

/** A P-256 public key as a JWK: only the members RFC 7638 hashes. */
export interface P256PublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

export interface ApiKeyPair {
  algorithm: 'ES256';
  /** PKCS#8 PEM: handed to the client once, kept nowhere. */
  privateKeyPem: string;
  publicKey: P256PublicJwk;
  /** RFC 7638 JWK thumbprint (SHA-256, base64url). */
  thumbprint: string;
}

/**
 * A fresh ES256 key pair for an API client. ECDSA P-256 rather than Ed25519: every JWT stack a
 * SIEM connector is written with signs ES256 (RFC 7518 "Recommended+"), .NET's and several
 * Java and cloud-KMS ones still lack EdDSA; size and speed do not matter at one signature per
 * token request.
 */
export function generateApiKeyPair(): ApiKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const publicJwk: P256PublicJwk = { kty: 'EC', crv: 'P-256', x: String(jwk.x), y: String(jwk.y) };
  return {
    algorithm: 'ES256',
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKey: publicJwk,
    thumbprint: jwkThumbprint(publicJwk),
  };
}

/** RFC 7638: SHA-256 over the required members in lexicographic order, no whitespace. */
export function jwkThumbprint(jwk: P256PublicJwk): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash('sha256').update(canonical).digest('base64url');
}

/** The random part of an opaque token: 32 bytes (256 bits). */
export const OPAQUE_TOKEN_BYTES = 32;

/**
 * A bearer token that is only random: `<prefix>` + base64url of 32 random bytes (prefixed so a
 * secret scanner recognises it), and its SHA-256 (hex), the only thing ever stored. A fast hash
 * is enough: 256 random bits cannot be guessed, so no salt or stretching is needed.
 */
export function newOpaqueToken(prefix: string): { token: string; hash: string } {
  const token = `${prefix}${randomBytes(OPAQUE_TOKEN_BYTES).toString('base64url')}`;
  return { token, hash: hashOpaqueToken(token) };
}

export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
