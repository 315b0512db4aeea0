import { Role } from '../access/roles';
import { OrgMemberAccessCommand } from './org-member-access.commands';
import { OrgRosterCommand } from './org-roster.commands';

const managers: Role[] = ['org_owner', 'org_admin'];
const members: Role[] = ['org_owner', 'org_admin', 'org_member'];

export const orgMembersPermissions: Record<OrgRosterCommand['type'] | OrgMemberAccessCommand['type'], readonly Role[]> = {
  InviteMember: [...managers, 'service'],
  AcceptMemberInvitation: members,
  DeclineMemberInvitation: members,
  ChangeMemberRole: managers,
  SuspendMember: managers,
  ReactivateMember: managers,
  RemoveMember: managers,
  RecordAdminPanelAccess: [...managers, 'service'],
  RecordVaultAccess: [...members, 'service'],
  RecordMemberSignInSuccess: ['service'],
  RecordMemberSignInFailure: ['service'],
  EnableMemberMfa: members,
  DisableMemberMfa: members,
};
