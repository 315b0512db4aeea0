import { randomUUID } from 'node:crypto';
import { generateKeyPairSync } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';
import request from 'supertest';

/** The credentials file POST /api-keys answers once. */
export interface Credentials {
  keyId: string;
  mspId: string;
  apiBaseUrl: string;
  tokenUrl: string;
  audience: string;
  algorithm: string;
  privateKeyPem: string;
}

export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** An RFC 7523 assertion for `credentials`, with claims and header overridable to make bad ones. */
export async function assertionFor(
  credentials: Credentials,
  overrides: { claims?: Record<string, unknown>; header?: Record<string, unknown>; privateKeyPem?: string; alg?: string } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const alg = overrides.alg ?? 'ES256';
  const key = await importPKCS8(overrides.privateKeyPem ?? credentials.privateKeyPem, alg);
  const claims = { iss: credentials.keyId, sub: credentials.mspId, aud: credentials.audience, iat: now, exp: now + 300, jti: randomUUID(), ...overrides.claims };
  const defined = Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined));
  return new SignJWT(defined).setProtectedHeader({ alg, kid: credentials.keyId, ...overrides.header }).sign(key);
}

/** The token request, form-encoded, through supertest. */
export function tokenRequest(http: () => ReturnType<typeof request>, assertion: string) {
  return http()
    .post('/oauth/token')
    .type('form')
    .send({ grant_type: JWT_BEARER, assertion });
}

/** A PKCS#8 key of another algorithm (for "wrong algorithm" cases). */
export function ed25519Pem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export function otherP256Pem(): string {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}
