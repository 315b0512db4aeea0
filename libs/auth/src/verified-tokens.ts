import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { VerifiedCredential } from './bearer-credentials';

/** The longest a verification is reused, even for a token that expires later (or never). */
const MAX_REUSE_MS = 5 * 60_000;

/**
 * Verified bearer tokens, so a client sending the same token on every request pays the signature
 * check once: reused until the token's `exp` (never past it) and at most five minutes, which also
 * bounds how long a token keeps working after its signing key was withdrawn. Keyed by the
 * token's SHA-256, so no token is kept in clear; a token that failed verification is never kept.
 */
export class VerifiedTokens {
  private readonly entries: LRUCache<string, VerifiedCredential & { until: number }>;

  constructor(
    max = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    this.entries = new LRUCache({ max });
  }

  get(token: string): VerifiedCredential | undefined {
    const key = keyOf(token);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() >= entry.until) {
      this.entries.delete(key);
      return undefined;
    }
    return { principal: entry.principal, ...(entry.expiresAt !== undefined && { expiresAt: entry.expiresAt }) };
  }

  remember(token: string, verified: VerifiedCredential): VerifiedCredential {
    const until = Math.min(verified.expiresAt ?? Infinity, this.now() + MAX_REUSE_MS);
    this.entries.set(keyOf(token), { ...verified, principal: Object.freeze({ ...verified.principal }), until });
    return verified;
  }
}

const keyOf = (token: string): string => createHash('sha256').update(token).digest('base64url');
