import { SignJWT } from 'jose';
import { AppConfig } from '@app/config';
import { Principal, tenantProblem } from './principal';
import { verificationKey } from './signing-key';
import { principalClaims } from './token-claims';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/**
 * Signs an HS256 token for local use: embedded mode only, and only where the API verifies with a
 * secret. The token must be one the API accepts: its claims pass the same checks, and it lives
 * no longer than AUTH_MAX_TOKEN_LIFETIME_S.
 */
export async function mintToken(config: AppConfig, principal: Principal, expiresIn = '1h'): Promise<string> {
  if (!config.embedded) throw new Error('mint-token works in embedded mode only (EVENTSTORE_URL is set)');
  const { secret } = verificationKey(config);
  if (!secret) throw new Error('mint-token needs an HS256 secret; this API verifies tokens with a public key');
  const problem = tenantProblem(principal);
  if (problem) throw new Error(problem);
  const lifetime = durationSeconds(expiresIn);
  if (lifetime > config.AUTH_MAX_TOKEN_LIFETIME_S) {
    throw new Error(`expires-in ${expiresIn} exceeds AUTH_MAX_TOKEN_LIFETIME_S (${config.AUTH_MAX_TOKEN_LIFETIME_S} seconds)`);
  }
  const { subject, ...claims } = principal;
  principalClaims({ sub: subject, ...claims });
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256' }).setSubject(subject).setIssuedAt(now).setExpirationTime(now + lifetime);
  if (config.AUTH_JWT_ISSUER) jwt = jwt.setIssuer(config.AUTH_JWT_ISSUER);
  if (config.AUTH_JWT_AUDIENCE) jwt = jwt.setAudience(config.AUTH_JWT_AUDIENCE);
  return jwt.sign(secret);
}

/** `90s`, `15m`, `1h`, `7d`, `2w` in seconds. */
export function durationSeconds(duration: string): number {
  const match = /^(\d+)\s*([smhdw])$/.exec(duration.trim());
  if (!match) throw new Error(`expires-in must be a number and a unit (s, m, h, d or w), not ${JSON.stringify(duration)}`);
  return Number(match[1]) * UNIT_SECONDS[match[2]];
}
