import { DomainEvent } from '../shared/decider';

type Token = { orgId: string; tokenId: string; name: string };

export type ActivityLogTokenCreated = DomainEvent<'ActivityLogTokenCreated', Token & { expiresAt?: string }>;
export type ActivityLogTokenRevoked = DomainEvent<'ActivityLogTokenRevoked', Token>;

export type ActivityLogTokenEvent = ActivityLogTokenCreated | ActivityLogTokenRevoked;
