import { ACTIVITY_LOG_TOKEN_PREFIX } from '@app/domain';
import { AuthenticationError, BearerCredentialVerifier, Principal, VerifiedCredential } from '@app/auth';
import { hashOpaqueToken } from '@app/crypto';
import { CredentialEntry } from '@app/projections';
import { ACCESS_TOKEN_PREFIX, AccessTokens } from '../tokens/access-tokens';
import { CredentialDirectory } from './credential-directory';
import { UsageRecorder } from './usage-recorder';

/** 43 base64url characters: 32 random bytes. */
const ACTIVITY_LOG_TOKEN = /^alt_[A-Za-z0-9_-]{43}$/;

/**
 * The API's own bearer credentials, checked against the credential directory on every request:
 * access tokens (`at_…`, an MSP key's, from POST /oauth/token) and Activity Log tokens (`alt_…`).
 * Each maps to a principal of a machine role, with its tenant from the directory, never the request.
 */
export class MachineCredentials implements BearerCredentialVerifier {
  constructor(
    private readonly directory: CredentialDirectory,
    private readonly accessTokens: AccessTokens,
    private readonly usage: UsageRecorder,
    private readonly now: () => number = Date.now,
  ) {}

  recognizes(token: string): boolean {
    return token.startsWith(ACCESS_TOKEN_PREFIX) || token.startsWith(ACTIVITY_LOG_TOKEN_PREFIX);
  }

  verify(token: string): Promise<VerifiedCredential> {
    return token.startsWith(ACCESS_TOKEN_PREFIX) ? this.accessToken(token) : this.activityLogToken(token);
  }

  private async accessToken(token: string): Promise<VerifiedCredential> {
    const claims = this.accessTokens.read(token);
    if (!claims) throw new AuthenticationError('access token is invalid or expired: request a new one at /oauth/token');
    const key = await this.directory.byId(claims.keyId);
    if (!key || key.kind !== 'msp_api_key' || !key.mspId) throw new AuthenticationError('access token names an unknown API key');
    if (key.status !== 'active') throw new AuthenticationError('the API key of this access token is revoked');
    if (key.thumbprint !== claims.thumbprint) throw new AuthenticationError('the API key of this access token was rotated: request a new one');
    this.usage.used(key.id);
    return { principal: { subject: key.id, role: 'msp_api_client', mspId: key.mspId }, expiresAt: claims.expiresAt * 1000 };
  }

  private async activityLogToken(token: string): Promise<VerifiedCredential> {
    if (!ACTIVITY_LOG_TOKEN.test(token)) throw new AuthenticationError('Activity Log token is malformed');
    const record = await this.directory.byTokenHash(hashOpaqueToken(token));
    if (!record || record.kind !== 'activity_log_token' || !record.orgId) throw new AuthenticationError('Activity Log token is unknown');
    if (record.status !== 'active') throw new AuthenticationError('Activity Log token is revoked');
    const expiresAt = record.expiresAt === null ? undefined : Date.parse(record.expiresAt);
    if (expiresAt !== undefined && expiresAt <= this.now()) throw new AuthenticationError('Activity Log token expired');
    this.usage.used(record.id);
    return { principal: tokenPrincipal(record), ...(expiresAt !== undefined && { expiresAt }) };
  }
}

function tokenPrincipal(record: CredentialEntry): Principal {
  return { subject: record.id, role: record.scope === 'org_owner' ? 'org_api_token_owner' : 'org_api_token_admin', orgId: record.orgId! };
}
