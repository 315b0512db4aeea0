import { ActivityCategory } from '../catalog/activity-category';
import { IntegrationEvent } from './integration.events';
import { MspApiKeyEvent } from './msp-api-key.events';

export const integrationsEventCategories = {
  IntegrationSetUp: 'Integrations',
  IntegrationEdited: 'Integrations',
  IntegrationDisconnected: 'Integrations',
  IntegrationSyncSucceeded: 'Integrations',
  IntegrationSyncFailed: 'Integrations',
  MspApiKeyGenerated: 'Integrations',
  MspApiKeyRevoked: 'Integrations',
} as const satisfies Record<IntegrationEvent['type'] | MspApiKeyEvent['type'], ActivityCategory>;
