import { Initiator } from '../shared/initiator';

/**
 * `email` and `name` say who the member is when a service records for them, `ip` and `userAgent`
 * the member's client as the service saw it; a member recording for themselves is named by `by`,
 * and their own request is their client.
 */
interface OrgMemberAccessCommandBase {
  memberId: string;
  email?: string;
  name?: string;
  ip?: string;
  userAgent?: string;
  by: Initiator;
}

export type RecordAdminPanelAccess = OrgMemberAccessCommandBase & { type: 'RecordAdminPanelAccess' };
export type RecordVaultAccess = OrgMemberAccessCommandBase & { type: 'RecordVaultAccess'; vaultId?: string; vaultName?: string };
export type RecordMemberSignInSuccess = OrgMemberAccessCommandBase & { type: 'RecordMemberSignInSuccess' };
export type RecordMemberSignInFailure = OrgMemberAccessCommandBase & { type: 'RecordMemberSignInFailure'; reason: string };
export type EnableMemberMfa = OrgMemberAccessCommandBase & { type: 'EnableMemberMfa' };
export type DisableMemberMfa = OrgMemberAccessCommandBase & { type: 'DisableMemberMfa' };

export type OrgMemberAccessCommand =
  | RecordAdminPanelAccess
  | RecordVaultAccess
  | RecordMemberSignInSuccess
  | RecordMemberSignInFailure
  | EnableMemberMfa
  | DisableMemberMfa;

export const orgMemberAccessStream = (memberId: string) => `orgMember-${memberId}`;
