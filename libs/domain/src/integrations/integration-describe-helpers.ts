import { quote } from '../catalog/describe-helpers';
import { TargetRef } from '../catalog/event-describer';
import { IntegrationFieldChange, IntegrationKind } from './integration.events';

const KIND_LABELS: Record<IntegrationKind, string> = {
  splunk: 'Splunk',
  microsoft_sentinel: 'Microsoft Sentinel',
  psa: 'PSA',
  rmm: 'RMM',
};

export type IntegrationRef = { integrationId: string; kind: IntegrationKind; name: string };

/** Free text (reasons, sync errors) is shown, cut short so that the sentence stays one line. */
export const shorten = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);
export const because = (reason?: string) => (reason ? ` (reason: ${shorten(reason)})` : '');
export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** "Splunk integration 'SIEM prod'" */
export const named = (d: IntegrationRef, name = d.name) => `${KIND_LABELS[d.kind] ?? d.kind} integration ${quote(name)}`;
export const integrationTarget = (d: IntegrationRef, name = d.name, type = 'integration'): TargetRef => ({ type, id: d.integrationId, name });

export const renamedTo = (changes: IntegrationFieldChange[]) => changes.find((c) => c.field === 'name')?.newValue ?? undefined;

/** What an edit changed, by field name only: values may be long, and the secret's trace is not for a sentence. */
export function editSummary(changes: IntegrationFieldChange[]): string {
  const parts: string[] = [];
  const newName = renamedTo(changes);
  if (newName !== undefined) parts.push(`renamed to ${quote(newName)}`);
  const settings = changes.filter((c) => c.field !== 'name' && c.field !== 'secret');
  if (settings.length > 0) parts.push(`changed ${settings.map((c) => c.field.replace(/^settings\./, '')).join(', ')}`);
  if (changes.some((c) => c.field === 'secret')) parts.push('rotated the secret');
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}
