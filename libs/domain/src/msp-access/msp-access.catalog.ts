import { MspCategory } from '../catalog/activity-category';
import { AreaExamples } from '../catalog/catalog-example';
import { DescriberMap, MspAreaDescribers, OnBehalfOf, TargetRef } from '../catalog/event-describer';
import { MspMemberAccessEvent, MspSignInFailureReason, MspTwoFactorMethod } from './msp-member-access.events';
import { AreaPrivacy, PersonalField } from '../privacy/personal-data';

const FAILURE_LABELS: Record<MspSignInFailureReason, string> = {
  wrong_password: 'wrong password',
  mfa_failed: 'two-factor check failed',
  account_locked: 'account locked',
  account_suspended: 'account suspended',
};

const METHOD_LABELS: Record<MspTwoFactorMethod, string> = {
  totp: 'authenticator app',
  webauthn: 'security key',
  sms: 'SMS',
};

type Member = { memberId: string; email: string };
const memberTarget = (member: Member): TargetRef => ({ type: 'member', id: member.memberId, name: member.email });
/** A sign-in is recorded by a service: the entry's initiator is the member who signed in, from the client they used. */
const signedInMember = (member: Member & { ip?: string; userAgent?: string }): OnBehalfOf => ({
  id: member.memberId,
  email: member.email,
  client: { ip: member.ip ?? null, userAgent: member.userAgent ?? null },
});

/** How an MSP member's own sign-ins and credential changes read in the Activity Log. */
const describers: MspAreaDescribers<MspMemberAccessEvent> = {
  MspSignInSucceeded: {
    category: 'MSP Access',
    action: 'Signed in',
    target: memberTarget,
    initiator: signedInMember,
    summary: (_d, v) => `${v.initiatorName} signed in`,
  },
  MspSignInFailed: {
    category: 'MSP Access',
    action: 'Failed to sign in',
    target: memberTarget,
    initiator: signedInMember,
    summary: (d, v) => `${v.initiatorName} failed to sign in (${FAILURE_LABELS[d.reason] ?? d.reason})`,
  },
  MspPasswordChanged: {
    category: 'MSP Access',
    action: 'Changed password',
    target: memberTarget,
    summary: (_d, v) => `${v.initiatorName} changed their password`,
  },
  MspTwoFactorEnabled: {
    category: 'MSP Access',
    action: 'Enabled two-factor authentication',
    target: memberTarget,
    summary: (d, v) => `${v.initiatorName} enabled two-factor authentication (${METHOD_LABELS[d.method] ?? d.method})`,
  },
  MspTwoFactorDisabled: {
    category: 'MSP Access',
    action: 'Disabled two-factor authentication',
    target: memberTarget,
    summary: (d, v) => `${v.initiatorName} disabled two-factor authentication (${METHOD_LABELS[d.method] ?? d.method})`,
  },
};

export const mspAccessDescribers: DescriberMap<MspCategory> = describers;

/** A realistic instance of each event and what a reader with generic item details must never see of it. */
export const mspAccessExamples: AreaExamples<MspMemberAccessEvent> = {
  MspSignInSucceeded: { data: { memberId: 'm-ivy', email: 'ivy@northwind.example', mspId: 'msp-1', ip: '203.0.113.7' }, hidden: [] },
  MspSignInFailed: { data: { memberId: 'm-ivy', email: 'ivy@northwind.example', mspId: 'msp-1', reason: 'wrong_password' }, hidden: [] },
  MspPasswordChanged: { data: { memberId: 'm-ivy', email: 'ivy@northwind.example' }, hidden: [] },
  MspTwoFactorEnabled: { data: { memberId: 'm-ivy', email: 'ivy@northwind.example', method: 'totp' }, hidden: [] },
  MspTwoFactorDisabled: { data: { memberId: 'm-ivy', email: 'ivy@northwind.example', method: 'webauthn' }, hidden: [] },
};

type SignIn = { memberId: string; email: string; ip?: string; userAgent?: string };
const ofMember = (d: { memberId: string }) => d.memberId;
const email: PersonalField<{ memberId: string; email: string }> = { path: 'email', kind: 'email', subject: ofMember };
const signIn: readonly PersonalField<SignIn>[] = [
  email,
  { path: 'ip', kind: 'ip', subject: ofMember },
  { path: 'userAgent', kind: 'userAgent', subject: ofMember },
];

/**
 * The member signing in (the client is theirs, as the sign-in service saw it). MSP sign-ins are
 * `state`: the first one opens the member's access stream, whose decider checks the MSP against
 * it. A password change records only that it happened: `activity`.
 */
export const mspAccessPrivacy: AreaPrivacy<MspMemberAccessEvent> = {
  MspSignInSucceeded: { retention: 'state', personal: signIn },
  MspSignInFailed: { retention: 'state', personal: signIn },
  MspPasswordChanged: { retention: 'activity', personal: [email] },
  MspTwoFactorEnabled: { retention: 'state', personal: [email] },
  MspTwoFactorDisabled: { retention: 'state', personal: [email] },
};
