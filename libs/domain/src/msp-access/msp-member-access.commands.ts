import { MSP_ROLES, Role } from '../access/roles';
import { Initiator } from '../shared/initiator';
import { tenantMemberStream } from '../shared/stream-names';
import { MspMemberStatus } from '../msp/msp.decider';
import { MspSignInFailureReason, MspTwoFactorMethod } from './msp-member-access.events';

interface MspMemberAccessCommandBase {
  memberId: string;
  by: Initiator;
}

/**
 * Sign-ins are recorded by the sign-in service, which names the member by id and email.
 * `listStatus` is the member's status on the MSP's member list, as the command side read it just
 * before (absent: not on it): the service records only for members the list holds.
 */
type SignIn = MspMemberAccessCommandBase & { email: string; ip?: string; userAgent?: string; listStatus?: MspMemberStatus };

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

export const mspAccessPermissions: Record<MspMemberAccessCommand['type'], readonly Role[]> = {
  RecordMspSignInSuccess: ['service'],
  RecordMspSignInFailure: ['service'],
  ChangeMspPassword: MSP_ROLES,
  EnableMspTwoFactor: MSP_ROLES,
  DisableMspTwoFactor: MSP_ROLES,
};

/** What a route sends: the command before the MSP's member list was read. */
export type MspMemberAccessRequest = MspMemberAccessCommand extends infer C ? (C extends unknown ? Omit<C, 'listStatus'> : never) : never;

/** One member's access in one MSP: another MSP never shares (or takes) the stream. */
export const mspMemberAccessStream = (mspId: string, memberId: string) => tenantMemberStream('mspMember', mspId, memberId);
