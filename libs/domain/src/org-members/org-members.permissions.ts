import { Role } from '../access/roles';
import { OrgMemberAccessCommand } from './org-member-access.commands';
import { OrgRosterCommand } from './org-roster.commands';

const managers: Role[] = ['org_owner', 'org_admin'];
const members: Role[] = ['org_owner', 'org_admin', 'org_member'];

export const orgRosterPermissions: Record<OrgRosterCommand['type'], readonly Role[]> = {
  InviteMember: [...managers, 'service'],
  AcceptMemberInvitation: members,
  DeclineMemberInvitation: members,
  ChangeMemberRole: managers,
  SuspendMember: managers,
  ReactivateMember: managers,
  RemoveMember: managers,
  EraseMemberPersonalData: ['org_owner'],
};

export const orgMemberAccessPermissions: Record<OrgMemberAccessCommand['type'], readonly Role[]> = {
  RecordAdminPanelAccess: [...managers, 'service'],
  RecordVaultAccess: [...members, 'service'],
  RecordMemberSignInSuccess: ['service'],
  RecordMemberSignInFailure: ['service'],
  EnableMemberMfa: members,
  DisableMemberMfa: members,
};

export const orgMembersPermissions = { ...orgRosterPermissions, ...orgMemberAccessPermissions };
