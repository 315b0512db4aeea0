import { MspCategory } from '../catalog/activity-category';
import { quote } from '../catalog/describe-helpers';
import { DescriberMap, MspAreaDescribers, TargetRef } from '../catalog/event-describer';
import { IntegrationEvent, IntegrationFieldChange, IntegrationKind } from './integration.events';
import { MspApiKeyEvent } from './msp-api-key.events';

const KIND_LABELS: Record<IntegrationKind, string> = {
  splunk: 'Splunk',
  microsoft_sentinel: 'Microsoft Sentinel',
  psa: 'PSA',
  rmm: 'RMM',
};

type Integration = { integrationId: string; kind: IntegrationKind; name: string };

/** Free text (reasons, sync errors) is shown, cut short so that the sentence stays one line. */
const shorten = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);
const because = (reason?: string) => (reason ? ` (reason: ${shorten(reason)})` : '');
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** "Splunk integration 'SIEM prod'" */
const named = (d: Integration, name = d.name) => `${KIND_LABELS[d.kind] ?? d.kind} integration ${quote(name)}`;
const integration = (d: Integration, name = d.name): TargetRef => ({ type: 'integration', id: d.integrationId, name });

const renamedTo = (changes: IntegrationFieldChange[]) => changes.find((c) => c.field === 'name')?.newValue ?? undefined;

/** What an edit changed, by field name only: values may be long, and the secret's trace is not for a sentence. */
function editSummary(changes: IntegrationFieldChange[]): string {
  const parts: string[] = [];
  const newName = renamedTo(changes);
  if (newName !== undefined) parts.push(`renamed to ${quote(newName)}`);
  const settings = changes.filter((c) => c.field !== 'name' && c.field !== 'secret');
  if (settings.length > 0) parts.push(`changed ${settings.map((c) => c.field.replace(/^settings\./, '')).join(', ')}`);
  if (changes.some((c) => c.field === 'secret')) parts.push('rotated the secret');
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

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
  MspApiKeyRevoked: {
    category: 'Integrations',
    action: 'Revoked API key',
    target: (d) => ({ type: 'api_key', id: d.keyId, name: d.name }),
    summary: (d, v) => `${v.initiatorName} revoked API key ${quote(d.name)}`,
  },
};

export const integrationsDescribers: DescriberMap<MspCategory> = describers;
