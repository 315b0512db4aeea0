import { Initiator } from '../shared/initiator';
import { MspSignInFailureReason, MspTwoFactorMethod } from './msp-member-access.events';

interface MspMemberAccessCommandBase {
  memberId: string;
  by: Initiator;
}

/** Sign-ins are recorded by the sign-in service, which names the member by id and email. */
type SignIn = MspMemberAccessCommandBase & { email: string; ip?: string; userAgent?: string };

export type RecordMspSignInSuccess = SignIn & { type: 'RecordMspSignInSuccess' };
export type RecordMspSignInFailure = SignIn & { type: 'RecordMspSignInFailure'; reason: MspSignInFailureReason };
export type ChangeMspPassword = MspMemberAccessCommandBase & { type: 'ChangeMspPassword' };
export type EnableMspTwoFactor = MspMemberAccessCommandBase & { type: 'EnableMspTwoFactor'; method: MspTwoFactorMethod };
export type DisableMspTwoFactor = MspMemberAccessCommandBase & { type: 'DisableMspTwoFactor' };

export type MspMemberAccessCommand =
  | RecordMspSignInSuccess
  | RecordMspSignInFailure
  | ChangeMspPassword
  | EnableMspTwoFactor
  | DisableMspTwoFactor;

export const mspMemberAccessStream = (memberId: string) => `mspMember-${memberId}`;
