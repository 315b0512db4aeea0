import { Initiator } from '../shared/initiator';

/** `email` and `name` say who the member is when a service records for them; a member's own come from `by`. */
interface OrgMemberAccessCommandBase {
  memberId: string;
  email?: string;
  name?: string;
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
