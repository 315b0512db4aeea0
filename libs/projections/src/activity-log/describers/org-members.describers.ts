import { OrgMemberAccessEvent, OrgRosterEvent, SignInFailureReason } from '@app/domain';
import { because, Describers, ORG_ROLE_LABELS, quote, who } from './describe-helpers';
import { DescriberMap, TargetRef } from './event-describer';

const FAILURE_LABELS: Record<SignInFailureReason, string> = {
  wrong_password: 'wrong password',
  wrong_mfa_code: 'wrong two-factor code',
  mfa_required: 'two-factor authentication required',
  account_suspended: 'account suspended',
  account_locked: 'account locked',
  sso_failed: 'single sign-on failed',
};

type Member = { memberId: string; email: string; name?: string };
const memberTarget = (member: Member): TargetRef => ({ type: 'member', id: member.memberId, name: who(member) });
/** Recorded by a service on the member's behalf (or by the member): the entry's initiator is that member. */
const theMember = (member: Member) => ({ id: member.memberId, email: member.email, name: member.name ?? null });
const invitee = (member: Member) => (member.name ? `${member.name} (${member.email})` : member.email);

/** How an organization's roster changes and its members' own access read in the Activity Log. */
const describers: Describers<OrgRosterEvent | OrgMemberAccessEvent> = {
  MemberInvited: {
    action: 'Invited member',
    target: memberTarget,
    summary: (d, v) => `${v.initiatorName} invited ${invitee(d)} as ${ORG_ROLE_LABELS[d.role]}`,
  },
  MemberInvitationAccepted: {
    action: 'Accepted invitation',
    target: memberTarget,
    summary: (d, v) => `${v.initiatorName} accepted the invitation to join as ${ORG_ROLE_LABELS[d.role]}`,
  },
  MemberInvitationDeclined: {
    action: 'Declined invitation',
    target: memberTarget,
    summary: (d, v) => `${v.initiatorName} declined the invitation to join as ${ORG_ROLE_LABELS[d.role]}`,
  },
  MemberRoleChanged: {
    action: 'Changed member role',
    target: memberTarget,
    summary: (d, v) =>
      `${v.initiatorName} changed the role of ${who(d)} from ${ORG_ROLE_LABELS[d.previousRole]} to ${ORG_ROLE_LABELS[d.newRole]}`,
  },
  MemberSuspended: {
    action: 'Suspended member',
    target: memberTarget,
    summary: (d, v) => `${v.initiatorName} suspended ${who(d)}${because(d.reason)}`,
  },
  MemberReactivated: {
    action: 'Reactivated member',
    target: memberTarget,
    summary: (d, v) => `${v.initiatorName} reactivated ${who(d)}`,
  },
  MemberRemoved: {
    action: 'Removed member',
    target: memberTarget,
    summary: (d, v) => `${v.initiatorName} removed ${who(d)} (${ORG_ROLE_LABELS[d.role]})`,
  },
  AdminPanelAccessed: {
    action: 'Accessed admin panel',
    target: memberTarget,
    initiator: theMember,
    summary: (_d, v) => `${v.initiatorName} accessed the admin panel`,
  },
  VaultAccessed: {
    action: 'Accessed vault',
    target: memberTarget,
    initiator: theMember,
    summary: (d, v) => `${v.initiatorName} accessed ${d.vaultName ? `vault ${quote(d.vaultName)}` : 'the vault'}`,
  },
  MemberSignInSucceeded: {
    action: 'Signed in',
    target: memberTarget,
    initiator: theMember,
    summary: (_d, v) => `${v.initiatorName} signed in`,
  },
  MemberSignInFailed: {
    action: 'Failed to sign in',
    target: memberTarget,
    initiator: theMember,
    summary: (d, v) => `${v.initiatorName} failed to sign in (${FAILURE_LABELS[d.reason] ?? d.reason})`,
  },
  MemberMfaEnabled: {
    action: 'Enabled two-factor authentication',
    target: memberTarget,
    summary: (_d, v) => `${v.initiatorName} enabled two-factor authentication`,
  },
  MemberMfaDisabled: {
    action: 'Disabled two-factor authentication',
    target: memberTarget,
    summary: (_d, v) => `${v.initiatorName} disabled two-factor authentication`,
  },
};

export const orgMembersDescribers: DescriberMap = describers;
