import { Role } from '../access/roles';
import { Initiator } from '../shared/initiator';
import { tenantMemberStream } from '../shared/stream-names';
import { RosterStatus } from './org-roster.decider';

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
  /**
   * The member's status on the organization's roster, as the command side read it just before
   * (absent: not on it). Someone recording for another member may do so only for one on the roster.
   */
  rosterStatus?: RosterStatus;
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

const managers: Role[] = ['org_owner', 'org_admin'];
const members: Role[] = ['org_owner', 'org_admin', 'org_member'];

export const orgMemberAccessPermissions: Record<OrgMemberAccessCommand['type'], readonly Role[]> = {
  RecordAdminPanelAccess: [...managers, 'service'],
  RecordVaultAccess: [...members, 'service'],
  RecordMemberSignInSuccess: ['service'],
  RecordMemberSignInFailure: ['service'],
  EnableMemberMfa: members,
  DisableMemberMfa: members,
};

/** What a route sends: the command before the roster was read. */
export type OrgMemberAccessRequest = OrgMemberAccessCommand extends infer C ? (C extends unknown ? Omit<C, 'rosterStatus'> : never) : never;

/** One member's access in one organization: another organization never shares (or takes) the stream. */
export const orgMemberAccessStream = (orgId: string, memberId: string) => tenantMemberStream('orgMember', orgId, memberId);
