import { AreaPrivacy } from '../privacy/personal-data';
import { IntegrationEvent } from './integration.events';
import { MspApiKeyEvent } from './msp-api-key.events';

/**
 * Integrations and API keys are the MSP's: names, settings, public keys and a collector's error
 * text name no person. A reason someone typed is its author's. Sync outcomes are `activity`: no decider folds them.
 */
export const integrationsPrivacy: AreaPrivacy<IntegrationEvent | MspApiKeyEvent> = {
  IntegrationSetUp: { retention: 'state', personal: [] },
  IntegrationEdited: { retention: 'state', personal: [] },
  IntegrationDisconnected: { retention: 'state', personal: [{ path: 'reason', kind: 'text', subject: 'actor' }] },
  IntegrationSyncSucceeded: { retention: 'activity', personal: [] },
  IntegrationSyncFailed: { retention: 'activity', personal: [] },
  MspApiKeyGenerated: { retention: 'state', personal: [] },
  MspApiKeyRotated: { retention: 'state', personal: [] },
  MspApiKeyRevoked: { retention: 'state', personal: [] },
};
