import { errors, jwtVerify, JWTPayload } from 'jose';
import { AppConfig } from '@app/config';
import { AuthenticationError } from './auth.errors';
import { VerifiedCredential } from './bearer-credentials';
import { Principal, tenantProblem } from './principal';
import { principalClaims } from './token-claims';
import { verificationKey, VerificationKey } from './signing-key';

/**
 * Verifies panel and service bearer tokens (jose) and turns their claims into a Principal. A
 * token must carry `exp` and not have reached it, live no longer than AUTH_MAX_TOKEN_LIFETIME_S
 * and not be issued in the future (iat and nbf within AUTH_CLOCK_SKEW_S); every claim the API
 * reads is checked for type, size and shape before it can reach an event.
 */
export class JwtVerifier {
  private readonly verification: VerificationKey;

  constructor(private readonly config: AppConfig) {
    this.verification = verificationKey(config);
  }

  async verify(token: string): Promise<Principal> {
    return (await this.verifyWithExpiry(token)).principal;
  }

  /** The principal, and when the token expires (ms since the epoch). */
  async verifyWithExpiry(token: string): Promise<VerifiedCredential> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.verification.key as Uint8Array, {
        algorithms: this.verification.algorithms,
        issuer: this.config.AUTH_JWT_ISSUER,
        audience: this.config.AUTH_JWT_AUDIENCE,
        requiredClaims: ['exp'],
        clockTolerance: this.config.AUTH_CLOCK_SKEW_S,
      }));
    } catch (error) {
      throw new AuthenticationError(reasonOf(error));
    }
    this.checkLifetime(payload);
    const principal = principalClaims(payload);
    const problem = tenantProblem(principal);
    if (problem) throw new AuthenticationError(`token is missing its tenant: ${problem}`);
    return { principal, expiresAt: payload.exp! * 1000 };
  }

  /**
   * jose checked that exp (and iat, nbf when present) are numbers, with the skew as tolerance. The
   * skew is for a token just issued by a clock a little ahead (iat, nbf); an expired token is
   * refused at once, so that a live tail ended at its token's expiry cannot reconnect with it.
   */
  private checkLifetime({ exp, iat }: JWTPayload): void {
    const now = Math.floor(Date.now() / 1000);
    const { AUTH_MAX_TOKEN_LIFETIME_S: max, AUTH_CLOCK_SKEW_S: skew } = this.config;
    if (exp! <= now) throw new AuthenticationError('token expired');
    if (iat !== undefined && iat > now + skew) throw new AuthenticationError("token claim 'iat' is in the future");
    if (exp! - (iat ?? now) > max || exp! > now + max + skew) {
      throw new AuthenticationError(`token lives longer than the ${max} seconds accepted (exp)`);
    }
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    return error.reason === 'missing' ? `token has no '${error.claim}' claim` : `token claim '${error.claim}' is not accepted`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token signature is invalid';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'token algorithm is not accepted';
  return 'token is malformed or cannot be verified';
}
