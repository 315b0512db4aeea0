import { BusinessCategory } from '../catalog/activity-category';
import { because, ORG_ROLE_LABELS, quote, who } from '../catalog/describe-helpers';
import { BusinessAreaDescribers, DescriberMap, OnBehalfOf, TargetRef } from '../catalog/event-describer';
import { OrgMemberAccessEvent } from './org-member-access.events';
import { OrgRosterEvent } from './org-roster.events';
import { SignInFailureReason } from './sign-in-failure-reasons';

const FAILURE_LABELS: Record<SignInFailureReason, string> = {
  wrong_password: 'wrong password',
  wrong_mfa_code: 'wrong two-factor code',
  mfa_required: 'two-factor authentication required',
  account_suspended: 'account suspended',
  account_locked: 'account locked',
  sso_failed: 'single sign-on failed',
};

type Member = { memberId: string; email: string; name?: string; ip?: string; userAgent?: string };
const memberTarget = (member: Member): TargetRef => ({ type: 'member', id: member.memberId, name: who(member) });
/**
 * Recorded by a service on the member's behalf (or by the member): the entry's initiator is that
 * member, with the client the service saw them use.
 */
const theMember = (member: Member): OnBehalfOf => ({
  id: member.memberId,
  email: member.email,
  name: member.name ?? null,
  client: { ip: member.ip ?? null, userAgent: member.userAgent ?? null },
});
const invitee = (member: Member) => (member.name ? `${member.name} (${member.email})` : member.email);

/** How an organization's roster changes and its members' own access read in the Activity Log. */
const describers: BusinessAreaDescribers<OrgRosterEvent | OrgMemberAccessEvent> = {
  MemberInvited: {
    category: 'Members and Access',
    action: 'Invited member',
    target: memberTarget,
    summary: (d, v) => `${v.initiatorName} invited ${invitee(d)} as ${ORG_ROLE_LABELS[d.role]}`,
  },
  MemberInvitationAccepted: {
    category: 'Members and Access',
    action: 'Accepted invitation',
    target: memberTarget,
    summary: (d, v) => `${v.initiatorName} accepted the invitation to join as ${ORG_ROLE_LABELS[d.role]}`,
  },
  MemberInvitationDeclined: {
    category: 'Members and Access',
    action: 'Declined invitation',
    target: memberTarget,
    summary: (d, v) => `${v.initiatorName} declined the invitation to join as ${ORG_ROLE_LABELS[d.role]}`,
  },
  MemberRoleChanged: {
    category: 'Members and Access',
    action: 'Changed member role',
    target: memberTarget,
    summary: (d, v) =>
      `${v.initiatorName} changed the role of ${who(d)} from ${ORG_ROLE_LABELS[d.previousRole]} to ${ORG_ROLE_LABELS[d.newRole]}`,
  },
  MemberSuspended: {
    category: 'Members and Access',
    action: 'Suspended member',
    target: memberTarget,
    summary: (d, v) => `${v.initiatorName} suspended ${who(d)}${because(d.reason)}`,
  },
  MemberReactivated: {
    category: 'Members and Access',
    action: 'Reactivated member',
    target: memberTarget,
    summary: (d, v) => `${v.initiatorName} reactivated ${who(d)}`,
  },
  MemberRemoved: {
    category: 'Members and Access',
    action: 'Removed member',
    target: memberTarget,
    summary: (d, v) => `${v.initiatorName} removed ${who(d)} (${ORG_ROLE_LABELS[d.role]})`,
  },
  MemberPersonalDataErased: {
    category: 'Members and Access',
    action: 'Erased personal data',
    // The event holds no name: the member's other entries show their pseudonym from now on.
    target: (d) => ({ type: 'member', id: d.memberId, name: null }),
    summary: (d, v) => `${v.initiatorName} erased the personal data of member ${d.memberId}`,
  },
  AdminPanelAccessed: {
    category: 'Members and Access',
    action: 'Accessed admin panel',
    target: memberTarget,
    initiator: theMember,
    summary: (_d, v) => `${v.initiatorName} accessed the admin panel`,
  },
  VaultAccessed: {
    category: 'Members and Access',
    action: 'Accessed vault',
    target: memberTarget,
    initiator: theMember,
    summary: (d, v) => `${v.initiatorName} accessed ${d.vaultName ? `vault ${quote(d.vaultName)}` : 'the vault'}`,
  },
  MemberSignInSucceeded: {
    category: 'Members and Access',
    action: 'Signed in',
    target: memberTarget,
    initiator: theMember,
    summary: (_d, v) => `${v.initiatorName} signed in`,
  },
  MemberSignInFailed: {
    category: 'Members and Access',
    action: 'Failed to sign in',
    target: memberTarget,
    initiator: theMember,
    summary: (d, v) => `${v.initiatorName} failed to sign in (${FAILURE_LABELS[d.reason] ?? d.reason})`,
  },
  MemberMfaEnabled: {
    category: 'Members and Access',
    action: 'Enabled two-factor authentication',
    target: memberTarget,
    summary: (_d, v) => `${v.initiatorName} enabled two-factor authentication`,
  },
  MemberMfaDisabled: {
    category: 'Members and Access',
    action: 'Disabled two-factor authentication',
    target: memberTarget,
    summary: (_d, v) => `${v.initiatorName} disabled two-factor authentication`,
  },
};

export const orgMembersDescribers: DescriberMap<BusinessCategory> = describers;
