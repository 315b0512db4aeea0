import { areaViews, Cases, describeAreaDescribers } from '../testing/describer-cases';
import { IntegrationEvent } from './integration.events';
import { integrationsDescribers } from './integrations.catalog';
import { MspApiKeyEvent } from './msp-api-key.events';

const { ownerView } = areaViews();

const splunk = { integrationId: 'int-1', kind: 'splunk' as const, name: 'SIEM prod' };
const splunkTarget = { type: 'integration', id: 'int-1', name: 'SIEM prod' };
const edited = {
  ...splunk,
  changes: [
    { field: 'name', previousValue: 'SIEM prod', newValue: 'SIEM main' },
    {
      field: 'settings.url',
      previousValue: 'https://old.splunk.example:8088',
      newValue: 'https://hec.splunk.example:8088',
    },
    { field: 'settings.index', previousValue: 'audit', newValue: 'security' },
    { field: 'secret', previousValue: 'a1b2', newValue: 'z9y8' },
  ],
};

const cases: Cases<IntegrationEvent | MspApiKeyEvent> = {
  IntegrationSetUp: {
    data: {
      ...splunk,
      mspId: 'msp-1',
      settings: { url: 'https://hec.splunk.example:8088', index: 'audit' },
      secretLast4: 'a1b2',
    },
    action: 'Set up integration',
    target: splunkTarget,
    summary: "Ann Lee set up Splunk integration 'SIEM prod'",
  },
  IntegrationEdited: {
    data: edited,
    action: 'Edited integration',
    target: { type: 'integration', id: 'int-1', name: 'SIEM main' },
    summary:
      "Ann Lee edited Splunk integration 'SIEM prod' (renamed to 'SIEM main'; changed url, index; rotated the secret)",
  },
  IntegrationDisconnected: {
    data: { ...splunk, reason: 'Moving to Sentinel' },
    action: 'Disconnected integration',
    target: splunkTarget,
    summary: "Ann Lee disconnected Splunk integration 'SIEM prod' (reason: Moving to Sentinel)",
  },
  IntegrationSyncSucceeded: {
    data: { ...splunk, eventsSent: 120 },
    action: 'Synced integration',
    target: splunkTarget,
    summary: "Ann Lee sent 120 events to Splunk integration 'SIEM prod'",
  },
  IntegrationSyncFailed: {
    data: { ...splunk, error: 'HTTP 503 from the collector' },
    action: 'Failed to sync integration',
    target: splunkTarget,
    summary: "Ann Lee failed to sync Splunk integration 'SIEM prod': HTTP 503 from the collector",
  },
  MspApiKeyGenerated: {
    data: { keyId: 'key-1', name: 'Reporting', mspId: 'msp-1' },
    action: 'Generated API key',
    target: { type: 'api_key', id: 'key-1', name: 'Reporting' },
    summary: "Ann Lee generated API key 'Reporting'",
  },
  MspApiKeyRotated: {
    data: {
      keyId: 'key-1', name: 'Reporting', algorithm: 'ES256', publicKey: { kty: 'EC', crv: 'P-256', x: 'x'.repeat(43), y: 'y'.repeat(43) },
      thumbprint: 'T'.repeat(43), previousThumbprint: 'P'.repeat(43),
    },
    action: 'Rotated API key',
    target: { type: 'api_key', id: 'key-1', name: 'Reporting' },
    summary: "Ann Lee rotated API key 'Reporting'",
  },
  MspApiKeyRevoked: {
    data: { keyId: 'key-1', name: 'Reporting' },
    action: 'Revoked API key',
    target: { type: 'api_key', id: 'key-1', name: 'Reporting' },
    summary: "Ann Lee revoked API key 'Reporting'",
  },
};

describe('Integration describers', () => {
  describeAreaDescribers(integrationsDescribers, cases);

  it('never shows the trace of a secret nor setting values', () => {
    for (const type of ['IntegrationSetUp', 'IntegrationEdited'] as const) {
      const summary = integrationsDescribers[type].summary(cases[type].data, ownerView);
      expect(summary).not.toMatch(/a1b2|z9y8|https:|audit|security/);
    }
  });

  it.each([
    [[{ field: 'name', previousValue: 'SIEM prod', newValue: 'SIEM main' }], " (renamed to 'SIEM main')"],
    [[{ field: 'settings.index', previousValue: 'audit', newValue: 'security' }], ' (changed index)'],
    [[{ field: 'secret', previousValue: null, newValue: 'z9y8' }], ' (rotated the secret)'],
  ])('reads an edit of %j', (changes, tail) => {
    expect(integrationsDescribers.IntegrationEdited.summary({ ...splunk, changes }, ownerView)).toBe(
      `Ann Lee edited Splunk integration 'SIEM prod'${tail}`,
    );
  });

  it('keeps the name of an integration that an edit did not rename', () => {
    const changes = [{ field: 'settings.index', previousValue: 'audit', newValue: 'security' }];
    expect(integrationsDescribers.IntegrationEdited.target({ ...splunk, changes })).toEqual(splunkTarget);
  });

  it.each([
    ['microsoft_sentinel', 'Microsoft Sentinel'],
    ['psa', 'PSA'],
    ['rmm', 'RMM'],
  ])('names the kind %s', (kind, label) => {
    expect(integrationsDescribers.IntegrationSetUp.summary({ ...splunk, kind }, ownerView)).toBe(
      `Ann Lee set up ${label} integration 'SIEM prod'`,
    );
  });

  it('counts a single event in the singular', () => {
    const summary = integrationsDescribers.IntegrationSyncSucceeded.summary(
      { ...splunk, eventsSent: 1 },
      {
        redact: false,
        initiatorName: 'Splunk forwarder',
      },
    );
    expect(summary).toBe("Splunk forwarder sent 1 event to Splunk integration 'SIEM prod'");
  });

  it('cuts a long sync error short', () => {
    const summary = integrationsDescribers.IntegrationSyncFailed.summary(
      { ...splunk, error: 'e'.repeat(500) },
      ownerView,
    );
    expect(summary).toBe(`Ann Lee failed to sync Splunk integration 'SIEM prod': ${'e'.repeat(79)}…`);
  });

  it('leaves out a reason a disconnection was not given', () => {
    expect(integrationsDescribers.IntegrationDisconnected.summary(splunk, ownerView)).toBe(
      "Ann Lee disconnected Splunk integration 'SIEM prod'",
    );
  });
});
