import { Principal } from './principal';

/** A bearer credential that passed every check: who it is, and until when (ms since the epoch), if it says. */
export interface VerifiedCredential {
  principal: Principal;
  expiresAt?: number;
}

/**
 * Bearer credentials the API issues itself (access tokens from POST /oauth/token, Activity Log
 * tokens), told from the panel's JWTs by their prefix. Provided by whichever module implements
 * them; without one, every bearer is read as a panel JWT.
 */
export interface BearerCredentialVerifier {
  /** Whether `token` looks like one of these credentials (a prefix check, nothing verified). */
  recognizes(token: string): boolean;
  /** Throws AuthenticationError when the credential is refused (unknown, expired, revoked, forged). */
  verify(token: string): Promise<VerifiedCredential>;
}

export const BEARER_CREDENTIAL_VERIFIER = Symbol('BEARER_CREDENTIAL_VERIFIER');
