import { SignJWT } from 'jose';
import { AppConfig } from '@app/config';
import { Principal, tenantProblem } from './principal';
import { verificationKey } from './signing-key';

/** Signs an HS256 token for local use: embedded mode only, and only where the API verifies with a secret. */
export async function mintToken(config: AppConfig, principal: Principal, expiresIn = '1h'): Promise<string> {
  if (!config.embedded) throw new Error('mint-token works in embedded mode only (EVENTSTORE_URL is set)');
  const { secret } = verificationKey(config);
  if (!secret) throw new Error('mint-token needs an HS256 secret; this API verifies tokens with a public key');
  const problem = tenantProblem(principal);
  if (problem) throw new Error(problem);
  const { subject, ...claims } = principal;
  let jwt = new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256' }).setSubject(subject).setIssuedAt().setExpirationTime(expiresIn);
  if (config.AUTH_JWT_ISSUER) jwt = jwt.setIssuer(config.AUTH_JWT_ISSUER);
  if (config.AUTH_JWT_AUDIENCE) jwt = jwt.setAudience(config.AUTH_JWT_AUDIENCE);
  return jwt.sign(secret);
}
