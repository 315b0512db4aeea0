import { createPublicKey, KeyObject, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRemoteJWKSet, JWTVerifyGetKey } from 'jose';
import { AppConfig } from '@app/config';

export interface VerificationKey {
  key: Uint8Array | KeyObject | JWTVerifyGetKey;
  algorithms: string[];
  /** HS256 only: the secret that can also sign (the CLI's mint-token uses it). */
  secret?: Uint8Array;
}

/** The key that verifies panel tokens: the configured one, or in embedded mode a generated dev secret. */
export function verificationKey(config: AppConfig): VerificationKey {
  if (config.AUTH_JWT_PUBLIC_KEY) {
    const key = createPublicKey(config.AUTH_JWT_PUBLIC_KEY);
    return { key, algorithms: key.asymmetricKeyType === 'ec' ? ['ES256'] : ['RS256'] };
  }
  if (config.AUTH_JWKS_URL) {
    return { key: createRemoteJWKSet(new URL(config.AUTH_JWKS_URL)), algorithms: ['RS256', 'ES256'] };
  }
  const secret = new TextEncoder().encode(config.AUTH_JWT_SECRET ?? developmentSecret(config.DATA_DIR));
  return { key: secret, algorithms: ['HS256'], secret };
}

/**
 * Embedded mode only (config refuses to boot without a key otherwise): a random secret kept in
 * DATA_DIR, readable by its owner alone, shared by the API and the CLI that mints local tokens.
 */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'dev-jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}
