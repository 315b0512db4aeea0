import { errors, jwtVerify, JWTPayload } from 'jose';
import { isRole } from '@app/domain';
import { AppConfig } from '@app/config';
import { AuthenticationError } from './auth.errors';
import { Principal, tenantProblem } from './principal';
import { verificationKey, VerificationKey } from './signing-key';

/** Verifies panel and service bearer tokens (jose) and turns their claims into a Principal. */
export class JwtVerifier {
  private readonly verification: VerificationKey;

  constructor(private readonly config: AppConfig) {
    this.verification = verificationKey(config);
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.verification.key as Uint8Array, {
        algorithms: this.verification.algorithms,
        issuer: this.config.AUTH_JWT_ISSUER,
        audience: this.config.AUTH_JWT_AUDIENCE,
      }));
    } catch (error) {
      throw new AuthenticationError(reasonOf(error));
    }
    return principalOf(payload);
  }
}

function principalOf(payload: JWTPayload): Principal {
  const claim = (name: string) => (typeof payload[name] === 'string' && payload[name] !== '' ? (payload[name] as string) : undefined);
  if (!payload.sub) throw new AuthenticationError('token has no sub claim');
  const role = payload.role;
  if (!isRole(role)) throw new AuthenticationError(`token has an unknown role: ${JSON.stringify(role)}`);
  const principal: Principal = {
    subject: payload.sub, role, email: claim('email'), name: claim('name'), mspId: claim('mspId'), orgId: claim('orgId'),
  };
  const problem = tenantProblem(principal);
  if (problem) throw new AuthenticationError(`token is missing its tenant: ${problem}`);
  return principal;
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `token claim '${error.claim}' is not accepted`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token signature is invalid';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'token algorithm is not accepted';
  return 'token is malformed or cannot be verified';
}
