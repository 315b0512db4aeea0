import { DomainEvent } from '../shared/decider';

type ApiKey = { keyId: string; name: string };

/** No key material here: the private key is handed to the MSP once and never stored in an event. */
export type MspApiKeyGenerated = DomainEvent<'MspApiKeyGenerated', ApiKey & { mspId: string }>;
export type MspApiKeyRevoked = DomainEvent<'MspApiKeyRevoked', ApiKey>;

export type MspApiKeyEvent = MspApiKeyGenerated | MspApiKeyRevoked;
