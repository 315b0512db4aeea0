import { AreaPrivacy, PersonalField } from '../privacy/personal-data';
import { OrgMemberAccessEvent } from './org-member-access.events';
import { OrgRosterEvent } from './org-roster.events';

type Member = { memberId: string; email: string; name?: string; ip?: string; userAgent?: string };
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
