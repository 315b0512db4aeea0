import { DomainEvent } from '../shared/decider';
import { ApiKeyMaterial } from './api-key-material';

type ApiKey = { keyId: string; name: string };

/**
 * No private key material here, ever: the private key is handed to the MSP once. The public key
 * and its thumbprint are absent only from keys recorded before the API issued key pairs, which
 * can never authenticate.
 */
export type MspApiKeyGenerated = DomainEvent<'MspApiKeyGenerated', ApiKey & { mspId: string } & Partial<ApiKeyMaterial>>;
export type MspApiKeyRotated = DomainEvent<'MspApiKeyRotated', ApiKey & ApiKeyMaterial & { previousThumbprint: string | null }>;
export type MspApiKeyRevoked = DomainEvent<'MspApiKeyRevoked', ApiKey>;

export type MspApiKeyEvent = MspApiKeyGenerated | MspApiKeyRotated | MspApiKeyRevoked;
