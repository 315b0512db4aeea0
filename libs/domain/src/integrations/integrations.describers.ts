import { MspCategory } from '../catalog/activity-category';
import { quote } from '../catalog/describe-helpers';
import { DescriberMap, MspAreaDescribers } from '../catalog/event-describer';
import { because, editSummary, integrationTarget as integration, named, plural, renamedTo, shorten } from './integration-describe-helpers';
import { IntegrationEvent } from './integration.events';
import { MspApiKeyEvent } from './msp-api-key.events';

/** How MSP integrations (SIEM, PSA, RMM) and MSP API keys read in the Activity Log. */
const describers: MspAreaDescribers<IntegrationEvent | MspApiKeyEvent> = {
  IntegrationSetUp: {
    category: 'Integrations',
    action: 'Set up integration',
    target: (d) => integration(d),
    summary: (d, v) => `${v.initiatorName} set up ${named(d)}`,
  },
  IntegrationEdited: {
    category: 'Integrations',
    action: 'Edited integration',
    // The data carries the name before the edit; the target shows the integration as it now is.
    target: (d) => integration(d, renamedTo(d.changes) ?? d.name),
    summary: (d, v) => `${v.initiatorName} edited ${named(d)}${editSummary(d.changes)}`,
  },
  IntegrationDisconnected: {
    category: 'Integrations',
    action: 'Disconnected integration',
    target: (d) => integration(d),
    summary: (d, v) => `${v.initiatorName} disconnected ${named(d)}${because(d.reason)}`,
  },
  IntegrationSyncSucceeded: {
    category: 'Integrations',
    action: 'Synced integration',
    target: (d) => integration(d),
    summary: (d, v) => `${v.initiatorName} sent ${plural(d.eventsSent, 'event')} to ${named(d)}`,
  },
  IntegrationSyncFailed: {
    category: 'Integrations',
    action: 'Failed to sync integration',
    target: (d) => integration(d),
    summary: (d, v) => `${v.initiatorName} failed to sync ${named(d)}: ${shorten(d.error)}`,
  },
  MspApiKeyGenerated: {
    category: 'Integrations',
    action: 'Generated API key',
    target: (d) => ({ type: 'api_key', id: d.keyId, name: d.name }),
    summary: (d, v) => `${v.initiatorName} generated API key ${quote(d.name)}`,
  },
  MspApiKeyRotated: {
    category: 'Integrations',
    action: 'Rotated API key',
    target: (d) => ({ type: 'api_key', id: d.keyId, name: d.name }),
    summary: (d, v) => `${v.initiatorName} rotated API key ${quote(d.name)}`,
  },
  MspApiKeyRevoked: {
    category: 'Integrations',
    action: 'Revoked API key',
    target: (d) => ({ type: 'api_key', id: d.keyId, name: d.name }),
    summary: (d, v) => `${v.initiatorName} revoked API key ${quote(d.name)}`,
  },
};

export const integrationsDescribers: DescriberMap<MspCategory> = describers;
