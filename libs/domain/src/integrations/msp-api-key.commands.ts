import { Role } from '../access/roles';
import { Initiator } from '../shared/initiator';
import { ApiKeyMaterial } from './api-key-material';

interface MspApiKeyCommandBase {
  keyId: string;
  by: Initiator;
}

/** `key`: the public half of a pair the server generated; the private half never reaches a command. */
export type GenerateMspApiKey = MspApiKeyCommandBase & { type: 'GenerateMspApiKey'; name: string; key: ApiKeyMaterial };
/** Replaces the key pair behind the key id: the old private key stops working, the key id (`kid`) stays. */
export type RotateMspApiKey = MspApiKeyCommandBase & { type: 'RotateMspApiKey'; key: ApiKeyMaterial };
export type RevokeMspApiKey = MspApiKeyCommandBase & { type: 'RevokeMspApiKey' };

export type MspApiKeyCommand = GenerateMspApiKey | RotateMspApiKey | RevokeMspApiKey;

const managers: Role[] = ['msp_owner', 'msp_admin'];

export const mspApiKeyPermissions: Record<MspApiKeyCommand['type'], readonly Role[]> = {
  GenerateMspApiKey: managers,
  RotateMspApiKey: managers,
  RevokeMspApiKey: managers,
};

export const mspApiKeyStream = (keyId: string) => `apiKey-${keyId}`;
