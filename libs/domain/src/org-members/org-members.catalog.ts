import { BusinessCategory } from '../catalog/activity-category';
import { because, ORG_ROLE_LABELS, quote, who } from '../catalog/describe-helpers';
import { AreaExamples } from '../catalog/catalog-example';
import { BusinessAreaDescribers, DescriberMap, OnBehalfOf, TargetRef } from '../catalog/event-describer';
import { OrgMemberAccessEvent } from './org-member-access.events';
import { OrgRosterEvent } from './org-roster.events';
import { SignInFailureReason } from './sign-in-failure-reasons';
import { AreaPrivacy, PersonalField } from '../privacy/personal-data';

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

const orgId = 'org-sample';
const orgBob = { orgId, memberId: 'm-bob', email: 'bob@acme.test', name: 'Bob Stone' };

/** A realistic instance of each event and what a reader with generic item details must never see of it. */
export const orgMembersExamples: AreaExamples<OrgRosterEvent | OrgMemberAccessEvent> = {
  AdminPanelAccessed: { data: orgBob, hidden: [] },
  VaultAccessed: { data: { ...orgBob, vaultId: 'v-1', vaultName: 'Shared' }, hidden: [] },
  MemberSignInSucceeded: { data: orgBob, hidden: [] },
  MemberSignInFailed: { data: { ...orgBob, reason: 'wrong_mfa_code' }, hidden: [] },
  MemberMfaEnabled: { data: orgBob, hidden: [] },
  MemberMfaDisabled: { data: orgBob, hidden: [] },
  MemberInvited: { data: { ...orgBob, role: 'org_admin' }, hidden: [] },
  MemberInvitationAccepted: { data: { ...orgBob, role: 'org_member' }, hidden: [] },
  MemberInvitationDeclined: { data: { ...orgBob, role: 'org_member' }, hidden: [] },
  MemberRoleChanged: { data: { ...orgBob, previousRole: 'org_member', newRole: 'org_owner' }, hidden: [] },
  MemberSuspended: { data: { ...orgBob, role: 'org_member', reason: 'Left the company' }, hidden: [] },
  MemberReactivated: { data: { ...orgBob, role: 'org_member' }, hidden: [] },
  MemberRemoved: { data: { ...orgBob, role: 'org_admin' }, hidden: [] },
  MemberPersonalDataErased: { data: { orgId, memberId: 'm-bob' }, hidden: [] },
};

const ofMember = (d: { memberId: string }) => d.memberId;
const member: readonly PersonalField<Member>[] = [
  { path: 'email', kind: 'email', subject: ofMember },
  { path: 'name', kind: 'name', subject: ofMember },
];
/** The client a recording service saw the member use is the member's too. */
const access: readonly PersonalField<Member>[] = [
  ...member,
  { path: 'ip', kind: 'ip', subject: ofMember },
  { path: 'userAgent', kind: 'userAgent', subject: ofMember },
];
const state = { retention: 'state', personal: member } as const;
/** Sign-ins and accesses record that they happened: no decision needs them later. */
const activity = { retention: 'activity', personal: access } as const;

export const orgMembersPrivacy: AreaPrivacy<OrgRosterEvent | OrgMemberAccessEvent> = {
  MemberInvited: state,
  MemberInvitationAccepted: state,
  MemberInvitationDeclined: state,
  MemberRoleChanged: state,
  MemberSuspended: { retention: 'state', personal: [...member, { path: 'reason', kind: 'text', subject: 'actor' }] },
  MemberReactivated: state,
  MemberRemoved: state,
  MemberPersonalDataErased: { retention: 'state', personal: [] },
  AdminPanelAccessed: activity,
  VaultAccessed: activity,
  MemberSignInSucceeded: activity,
  MemberSignInFailed: activity,
  // MFA is state: the decider refuses to enable it twice.
  MemberMfaEnabled: { retention: 'state', personal: access },
  MemberMfaDisabled: { retention: 'state', personal: access },
};
