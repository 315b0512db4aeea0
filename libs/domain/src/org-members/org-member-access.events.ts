import { DomainEvent } from '../shared/decider';
import { SignInFailureReason } from './sign-in-failure-reasons';

/**
 * `orgId` on every event: any of them may be the first of the stream. `ip` and `userAgent` are the
 * member's client when a service recorded the event for them (the request's client is the service's).
 */
type Member = { orgId: string; memberId: string; email: string; name?: string; ip?: string; userAgent?: string };

export type AdminPanelAccessed = DomainEvent<'AdminPanelAccessed', Member>;
export type VaultAccessed = DomainEvent<'VaultAccessed', Member & { vaultId?: string; vaultName?: string }>;
export type MemberSignInSucceeded = DomainEvent<'MemberSignInSucceeded', Member>;
export type MemberSignInFailed = DomainEvent<'MemberSignInFailed', Member & { reason: SignInFailureReason }>;
export type MemberMfaEnabled = DomainEvent<'MemberMfaEnabled', Member>;
export type MemberMfaDisabled = DomainEvent<'MemberMfaDisabled', Member>;

export type OrgMemberAccessEvent =
  | AdminPanelAccessed
  | VaultAccessed
  | MemberSignInSucceeded
  | MemberSignInFailed
  | MemberMfaEnabled
  | MemberMfaDisabled;
