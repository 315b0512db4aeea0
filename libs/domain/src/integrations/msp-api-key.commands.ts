import { Initiator } from '../shared/initiator';

interface MspApiKeyCommandBase {
  keyId: string;
  by: Initiator;
}

export type GenerateMspApiKey = MspApiKeyCommandBase & { type: 'GenerateMspApiKey'; name: string };
export type RevokeMspApiKey = MspApiKeyCommandBase & { type: 'RevokeMspApiKey' };

export type MspApiKeyCommand = GenerateMspApiKey | RevokeMspApiKey;

export const mspApiKeyStream = (keyId: string) => `apiKey-${keyId}`;
