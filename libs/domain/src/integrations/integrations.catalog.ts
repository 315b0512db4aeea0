import { MspCategory } from '../catalog/activity-category';
import { quote } from '../catalog/describe-helpers';
import { AreaExamples } from '../catalog/catalog-example';
import { DescriberMap, MspAreaDescribers } from '../catalog/event-describer';
import { because, editSummary, integrationTarget as integration, named, plural, renamedTo, shorten } from './integration-describe-helpers';
import { IntegrationEvent } from './integration.events';
import { MspApiKeyEvent } from './msp-api-key.events';
import { AreaPrivacy } from '../privacy/personal-data';

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

const splunk = { integrationId: 'int-1', kind: 'splunk' as const, name: 'SIEM prod' };
/** A public key as API keys' events carry it (coordinates of a real P-256 point do not matter here). */
const keyMaterial = (thumbprint: string) =>
  ({ algorithm: 'ES256', publicKey: { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' }, thumbprint }) as const;

/** A realistic instance of each event and what a reader with generic item details must never see of it. */
export const integrationsExamples: AreaExamples<IntegrationEvent | MspApiKeyEvent> = {
  IntegrationSetUp: { data: { ...splunk, mspId: 'msp-1', settings: { url: 'https://hec.splunk.example:8088' }, secretLast4: 'a1b2' }, hidden: [] },
  IntegrationEdited: { data: { ...splunk, changes: [{ field: 'name', previousValue: 'SIEM prod', newValue: 'SIEM main' }] }, hidden: [] },
  IntegrationDisconnected: { data: { ...splunk, reason: 'Moving to Sentinel' }, hidden: [] },
  IntegrationSyncSucceeded: { data: { ...splunk, eventsSent: 120 }, hidden: [] },
  IntegrationSyncFailed: { data: { ...splunk, error: 'HTTP 503 from the collector' }, hidden: [] },
  MspApiKeyGenerated: { data: { keyId: 'key-1', name: 'Reporting', mspId: 'msp-1', ...keyMaterial('tp-1') }, hidden: [] },
  MspApiKeyRotated: { data: { keyId: 'key-1', name: 'Reporting', ...keyMaterial('tp-2'), previousThumbprint: 'tp-1' }, hidden: [] },
  MspApiKeyRevoked: { data: { keyId: 'key-1', name: 'Reporting' }, hidden: [] },
};

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
