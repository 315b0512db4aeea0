import { Decider } from '../shared/decider';
import { NotFound, Refused } from '../shared/domain-errors';
import { MspApiKeyCommand } from './msp-api-key.commands';
import { MspApiKeyEvent } from './msp-api-key.events';

export type MspApiKeyState =
  | { exists: false }
  | { exists: true; keyId: string; mspId: string; name: string; revoked: boolean };

export const mspApiKeyDecider: Decider<MspApiKeyCommand, MspApiKeyEvent, MspApiKeyState> = {
  initialState: { exists: false },
  evolve,
  decide,
};

function evolve(state: MspApiKeyState, event: MspApiKeyEvent): MspApiKeyState {
  if (event.type === 'MspApiKeyGenerated') return { exists: true, ...event.data, revoked: false };
  return state.exists ? { ...state, revoked: true } : state;
}

function decide(command: MspApiKeyCommand, state: MspApiKeyState): MspApiKeyEvent[] {
  if (command.type === 'GenerateMspApiKey') {
    if (state.exists) throw new Refused(`API key ${command.keyId} already exists`);
    const mspId = command.by.mspId;
    if (!mspId) throw new NotFound('Only an MSP can generate an API key');
    return [{ type: 'MspApiKeyGenerated', data: { keyId: command.keyId, mspId, name: command.name } }];
  }
  if (!state.exists || state.mspId !== command.by.mspId) throw new NotFound(`API key ${command.keyId} not found`);
  if (state.revoked) throw new Refused(`API key '${state.name}' is already revoked`);
  return [{ type: 'MspApiKeyRevoked', data: { keyId: state.keyId, name: state.name } }];
}
