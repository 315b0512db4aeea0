import { ActivityCategory } from '../catalog/activity-category';
import { OrgMemberAccessEvent } from './org-member-access.events';
import { OrgRosterEvent } from './org-roster.events';

export const orgMembersEventCategories = {
  MemberInvited: 'Members and Access',
  MemberInvitationAccepted: 'Members and Access',
  MemberInvitationDeclined: 'Members and Access',
  MemberRoleChanged: 'Members and Access',
  MemberSuspended: 'Members and Access',
  MemberReactivated: 'Members and Access',
  MemberRemoved: 'Members and Access',
  AdminPanelAccessed: 'Members and Access',
  VaultAccessed: 'Members and Access',
  MemberSignInSucceeded: 'Members and Access',
  MemberSignInFailed: 'Members and Access',
  MemberMfaEnabled: 'Members and Access',
  MemberMfaDisabled: 'Members and Access',
} as const satisfies Record<OrgRosterEvent['type'] | OrgMemberAccessEvent['type'], ActivityCategory>;
