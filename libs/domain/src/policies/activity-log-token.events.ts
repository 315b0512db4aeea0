import { DomainEvent } from '../shared/decider';
import { ActivityLogTokenScope } from './activity-log-token.commands';

type Token = { orgId: string; tokenId: string; name: string };

/**
 * Never the token: only its SHA-256, which cannot be turned back into it (the token is 256
 * random bits). `scope` and `tokenHash` are absent only from tokens recorded before the API
 * issued them: such a token reads nothing (and `scope` would have been `admin`).
 */
export type ActivityLogTokenCreated = DomainEvent<
  'ActivityLogTokenCreated',
  Token & { expiresAt?: string; scope?: ActivityLogTokenScope; tokenHash?: string }
>;
export type ActivityLogTokenRevoked = DomainEvent<'ActivityLogTokenRevoked', Token>;

export type ActivityLogTokenEvent = ActivityLogTokenCreated | ActivityLogTokenRevoked;
