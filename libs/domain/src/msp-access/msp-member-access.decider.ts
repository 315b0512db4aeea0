import { Decider } from '../shared/decider';
import { Forbidden, NotFound, Refused } from '../shared/domain-errors';
import { ON_MSP_LIST } from '../msp/msp.decider';
import { MspMemberAccessCommand, RecordMspSignInFailure, RecordMspSignInSuccess } from './msp-member-access.commands';
import { MspMemberAccessEvent, MspTwoFactorMethod } from './msp-member-access.events';

/** The stream opens with the member's first recorded sign-in, which fixes its MSP. */
export type MspMemberAccessState =
  | { exists: false }
  | { exists: true; memberId: string; mspId: string; email: string; twoFactor?: MspTwoFactorMethod };

type Existing = Extract<MspMemberAccessState, { exists: true }>;

export const mspMemberAccessDecider: Decider<MspMemberAccessCommand, MspMemberAccessEvent, MspMemberAccessState> = {
  initialState: { exists: false },
  evolve,
  decide,
};

function evolve(state: MspMemberAccessState, event: MspMemberAccessEvent): MspMemberAccessState {
  if (event.type === 'MspSignInSucceeded' || event.type === 'MspSignInFailed') {
    const { memberId, mspId, email } = event.data;
    return state.exists ? { ...state, email } : { exists: true, memberId, mspId, email };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'MspPasswordChanged':
      return state;
    case 'MspTwoFactorEnabled':
      return { ...state, twoFactor: event.data.method };
    case 'MspTwoFactorDisabled':
      return { ...state, twoFactor: undefined };
  }
}

function decide(command: MspMemberAccessCommand, state: MspMemberAccessState): MspMemberAccessEvent[] {
  switch (command.type) {
    case 'RecordMspSignInSuccess':
      return [{ type: 'MspSignInSucceeded', data: signIn(command, state) }];
    case 'RecordMspSignInFailure':
      return [{ type: 'MspSignInFailed', data: { ...signIn(command, state), reason: command.reason } }];
  }
  const access = self(state, command);
  const member = { memberId: access.memberId, email: access.email };
  switch (command.type) {
    case 'ChangeMspPassword':
      return [{ type: 'MspPasswordChanged', data: member }];
    case 'EnableMspTwoFactor':
      if (access.twoFactor) throw new Refused(`Two-factor authentication is already enabled (${access.twoFactor})`);
      return [{ type: 'MspTwoFactorEnabled', data: { ...member, method: command.method } }];
    case 'DisableMspTwoFactor':
      if (!access.twoFactor) throw new Refused('Two-factor authentication is not enabled');
      return [{ type: 'MspTwoFactorDisabled', data: { ...member, method: access.twoFactor } }];
  }
}

function signIn(command: RecordMspSignInSuccess | RecordMspSignInFailure, state: MspMemberAccessState) {
  const mspId = command.by.mspId;
  if (!mspId || (state.exists && state.mspId !== mspId)) throw new NotFound(`Member ${command.memberId} not found`);
  if (!command.listStatus || !ON_MSP_LIST.includes(command.listStatus)) throw new NotFound(`Member ${command.memberId} not found in this MSP`);
  const { memberId, email, ip, userAgent } = command;
  return { memberId, mspId, email, ...(ip && { ip }), ...(userAgent && { userAgent }) };
}

/** Only the member changes their own credentials; another MSP's member looks missing. */
function self(state: MspMemberAccessState, command: MspMemberAccessCommand): Existing {
  if (!state.exists || state.mspId !== command.by.mspId) throw new NotFound(`Member ${command.memberId} not found`);
  if (command.by.memberId !== state.memberId) throw new Forbidden('Members change only their own sign-in settings');
  return state;
}
