import { Decider } from '../shared/decider';
import { NotFound, Refused } from '../shared/domain-errors';
import { checkApiKeyMaterial } from './api-key-material';
import { MspApiKeyCommand } from './msp-api-key.commands';
import { MspApiKeyEvent } from './msp-api-key.events';

export type MspApiKeyState =
  | { exists: false }
  | { exists: true; keyId: string; mspId: string; name: string; thumbprint: string | null; revoked: boolean };

type Existing = Extract<MspApiKeyState, { exists: true }>;

export const mspApiKeyDecider: Decider<MspApiKeyCommand, MspApiKeyEvent, MspApiKeyState> = {
  initialState: { exists: false },
  evolve,
  decide,
};

function evolve(state: MspApiKeyState, event: MspApiKeyEvent): MspApiKeyState {
  if (event.type === 'MspApiKeyGenerated') {
    const { keyId, mspId, name, thumbprint } = event.data;
    return { exists: true, keyId, mspId, name, thumbprint: thumbprint ?? null, revoked: false };
  }
  if (!state.exists) return state;
  if (event.type === 'MspApiKeyRotated') return { ...state, thumbprint: event.data.thumbprint };
  return { ...state, revoked: true };
}

function decide(command: MspApiKeyCommand, state: MspApiKeyState): MspApiKeyEvent[] {
  if (command.type === 'GenerateMspApiKey') {
    if (state.exists) throw new Refused(`API key ${command.keyId} already exists`);
    const mspId = command.by.mspId;
    if (!mspId) throw new NotFound('Only an MSP can generate an API key');
    return [{ type: 'MspApiKeyGenerated', data: { keyId: command.keyId, mspId, name: command.name, ...checkApiKeyMaterial(command.key) } }];
  }
  const key = owned(state, command);
  if (key.revoked) throw new Refused(`API key '${key.name}' is revoked`);
  if (command.type === 'RevokeMspApiKey') return [{ type: 'MspApiKeyRevoked', data: { keyId: key.keyId, name: key.name } }];
  const material = checkApiKeyMaterial(command.key);
  if (material.thumbprint === key.thumbprint) throw new Refused(`API key '${key.name}' already has this public key`);
  return [{ type: 'MspApiKeyRotated', data: { keyId: key.keyId, name: key.name, ...material, previousThumbprint: key.thumbprint } }];
}

/** Another MSP's key looks like a missing one. */
function owned(state: MspApiKeyState, command: MspApiKeyCommand): Existing {
  if (!state.exists || state.mspId !== command.by.mspId) throw new NotFound(`API key ${command.keyId} not found`);
  return state;
}
