import { AreaPrivacy, PersonalField } from '../privacy/personal-data';
import { MspMemberAccessEvent } from './msp-member-access.events';

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
