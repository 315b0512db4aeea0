import { decodeProtectedHeader, errors, importJWK, JWTPayload, jwtVerify, ProtectedHeaderParameters } from 'jose';
import { API_KEY_ALGORITHM } from '@app/domain';
import { CredentialEntry } from '@app/projections';
import { CredentialDirectory } from '../directory/credential-directory';
import { AssertionReplayStore } from '../replay/assertion-replay.store';
import { invalidGrant } from './oauth-errors';

/** The longest an assertion may live (exp − iat, and exp − now). */
export const MAX_ASSERTION_LIFETIME_S = 600;

const KEY_ID = /^[\w.:-]{1,128}$/;
const MAX_ASSERTION_LENGTH = 8192;

export interface AssertionRules {
  /** The `aud` the assertion must name: a setting (API_AUDIENCE), never taken from the request. */
  audience: string;
  clockSkewSeconds: number;
}

/**
 * Checks an RFC 7523 assertion an MSP's client signed with its API key:
 * header `alg` ES256 and `kid` = the key id; `iss` = the key id, `sub` = the key's MSP,
 * `aud` = API_AUDIENCE, `iat` not in the future, `exp` not passed and at most 10 minutes after
 * `iat` and after now, and a `jti` never seen before (remembered in the shared replay store until
 * the assertion expires). Anything else is `invalid_grant` (401), naming what is wrong.
 */
export class JwtBearerAssertions {
  constructor(
    private readonly directory: CredentialDirectory,
    private readonly replays: AssertionReplayStore,
    private readonly rules: AssertionRules,
    private readonly now: () => number = Date.now,
  ) {}

  /** The key that signed a valid, fresh assertion. */
  async verify(assertion: string): Promise<CredentialEntry> {
    const header = this.header(assertion);
    const key = await this.activeKey(header.kid!);
    const payload = await this.checkSignature(assertion, key);
    if (payload.sub !== key.mspId) throw invalidGrant("assertion subject ('sub') is not the MSP this key belongs to");
    const expiresAt = this.checkLifetime(payload);
    const jti = payload.jti;
    if (typeof jti !== 'string' || jti.length === 0 || jti.length > 256) throw invalidGrant("assertion needs a 'jti' of 1 to 256 characters");
    if (!(await this.replays.claim(JSON.stringify([key.id, jti]), (expiresAt + this.rules.clockSkewSeconds) * 1000))) {
      throw invalidGrant("assertion was used before ('jti'): sign a new one for each token request");
    }
    return key;
  }

  private header(assertion: string): ProtectedHeaderParameters {
    if (assertion.length > MAX_ASSERTION_LENGTH) throw invalidGrant('assertion is too long');
    let header: ProtectedHeaderParameters;
    try {
      header = decodeProtectedHeader(assertion);
    } catch {
      throw invalidGrant('assertion is not a signed JWT (JWS compact serialization)');
    }
    if (header.alg !== API_KEY_ALGORITHM) throw invalidGrant(`assertion must be signed with ${API_KEY_ALGORITHM} ('alg')`);
    if (typeof header.kid !== 'string' || !KEY_ID.test(header.kid)) throw invalidGrant("assertion header must name the key id ('kid')");
    return header;
  }

  private async activeKey(keyId: string): Promise<CredentialEntry> {
    const key = await this.directory.byId(keyId);
    if (!key || key.kind !== 'msp_api_key') throw invalidGrant("unknown key ('kid')");
    if (key.status !== 'active') throw invalidGrant('this key is revoked');
    if (!key.publicKey) throw invalidGrant('this key was recorded before key pairs were issued: rotate it to get one');
    return key;
  }

  private async checkSignature(assertion: string, key: CredentialEntry): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(assertion, await importJWK({ ...key.publicKey! }, API_KEY_ALGORITHM), {
        algorithms: [API_KEY_ALGORITHM],
        issuer: key.id,
        audience: this.rules.audience,
        requiredClaims: ['iss', 'sub', 'aud', 'exp', 'iat', 'jti'],
        clockTolerance: this.rules.clockSkewSeconds,
        currentDate: new Date(this.now()),
      });
      return payload;
    } catch (error) {
      throw invalidGrant(reasonOf(error));
    }
  }

  /** jose checked that exp and iat are numbers and exp has not passed; the assertion's expiry (s). */
  private checkLifetime({ exp, iat }: JWTPayload): number {
    const now = Math.floor(this.now() / 1000);
    const skew = this.rules.clockSkewSeconds;
    if (iat! > now + skew) throw invalidGrant("assertion is issued in the future ('iat')");
    if (exp! - iat! > MAX_ASSERTION_LIFETIME_S || exp! > now + MAX_ASSERTION_LIFETIME_S + skew) {
      throw invalidGrant(`assertion must expire at most ${MAX_ASSERTION_LIFETIME_S} seconds after it is issued ('exp')`);
    }
    return exp!;
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "assertion expired ('exp')";
  if (error instanceof errors.JWTClaimValidationFailed) {
    return error.reason === 'missing' ? `assertion has no '${error.claim}' claim` : `assertion claim '${error.claim}' is not accepted`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'assertion signature does not verify with this key';
  if (error instanceof errors.JOSEAlgNotAllowed) return `assertion must be signed with ${API_KEY_ALGORITHM} ('alg')`;
  return 'assertion is malformed or cannot be verified';
}
