import { randomBytes } from 'node:crypto';
import { CursorSigner } from '@app/projections';

/** How an access token starts: the API tells it from a panel JWT and from an Activity Log token by it. */
export const ACCESS_TOKEN_PREFIX = 'at_';

/** Signed under this binding only: no cursor, whatever its payload, verifies as an access token. */
const BINDING = 'oauth2-access-token';

/** What an access token says: which key it was issued for, which key pair, and until when. */
export interface AccessTokenClaims {
  keyId: string;
  /** The key pair's thumbprint at issue: a rotation makes the token stale. */
  thumbprint: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

/**
 * The access tokens of POST /oauth/token: `at_` + a payload signed with the deployment's HMAC key
 * (the CursorSigner's, so every API process verifies them and CURSOR_SECRETS_PREVIOUS rotates
 * them). Stateless: nothing is stored per token. They are still checked against the credential
 * directory on every request, so a revoked or rotated key stops them at once.
 */
export class AccessTokens {
  constructor(private readonly signer: CursorSigner, private readonly now: () => number = Date.now) {}

  issue(keyId: string, thumbprint: string, lifetimeSeconds: number): { token: string; expiresIn: number } {
    const expiresAt = Math.floor(this.now() / 1000) + lifetimeSeconds;
    const payload = { k: keyId, t: thumbprint, e: expiresAt, n: randomBytes(9).toString('base64url') };
    return { token: `${ACCESS_TOKEN_PREFIX}${this.signer.sign(payload, BINDING)}`, expiresIn: lifetimeSeconds };
  }

  /** The claims of a token this deployment signed and that has not expired; undefined otherwise. */
  read(token: string): AccessTokenClaims | undefined {
    if (!token.startsWith(ACCESS_TOKEN_PREFIX) || token.length > 1024) return undefined;
    const payload = this.signer.verify(token.slice(ACCESS_TOKEN_PREFIX.length), BINDING);
    if (payload === null || typeof payload !== 'object') return undefined;
    const { k, t, e } = payload as { k?: unknown; t?: unknown; e?: unknown };
    if (typeof k !== 'string' || typeof t !== 'string' || typeof e !== 'number' || !Number.isInteger(e)) return undefined;
    if (e * 1000 <= this.now()) return undefined;
    return { keyId: k, thumbprint: t, expiresAt: e };
  }
}
