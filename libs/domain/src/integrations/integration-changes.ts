import { InvalidInput, Refused } from '../shared/domain-errors';
import { checkSecret, checkSettings, isSiemKind } from './integration-settings';
import { IntegrationFieldChange, IntegrationKind, IntegrationSettings, SecretReference } from './integration.events';

/** What MSP integrations and organizations' SIEM integrations share: their configuration. */
export interface IntegrationConfiguration {
  kind: IntegrationKind;
  name: string;
  settings: IntegrationSettings;
  secretLast4: string | null;
  secretVersion: string | null;
}

/** The configuration fields an edit may name; only those given change. */
export interface IntegrationEdit {
  name?: string;
  settings?: IntegrationSettings;
  secret?: string;
  secretVersion?: string;
}

/**
 * The secret's trace for a set-up: its fingerprint and the version it was stored under. A SIEM
 * integration cannot push without one, so it is required there.
 */
export function secretReference(kind: IntegrationKind, secret: string | undefined, secretVersion: string | undefined): SecretReference {
  if (secret === undefined) {
    if (isSiemKind(kind)) throw new InvalidInput(`secret is required for a ${kind} integration`, 'secret');
    return {};
  }
  const secretLast4 = checkSecret(kind, secret);
  return secretVersion === undefined ? { secretLast4 } : { secretLast4, secretVersion: versionOf(secretVersion) };
}

/** The previous and new value of each field the edit changes; refuses an edit that changes nothing. */
export function changesOf(edit: IntegrationEdit, current: IntegrationConfiguration): { changes: IntegrationFieldChange[]; secretVersion?: string } {
  const changes: IntegrationFieldChange[] = [];
  if (edit.name !== undefined && edit.name !== current.name) {
    changes.push({ field: 'name', previousValue: current.name, newValue: edit.name });
  }
  const settings = edit.settings ?? {};
  checkSettings(current.kind, settings, true);
  for (const [key, value] of Object.entries(settings)) {
    const previous = current.settings[key] ?? null;
    if (value !== previous) changes.push({ field: `settings.${key}`, previousValue: previous, newValue: value });
  }
  // A new secret is a rotation even when its last characters happen to match the old ones.
  if (edit.secret !== undefined) {
    changes.push({ field: 'secret', previousValue: current.secretLast4, newValue: checkSecret(current.kind, edit.secret) });
  }
  if (changes.length === 0) throw new Refused(`Editing integration '${current.name}' would change nothing`);
  if (edit.secret !== undefined && edit.secretVersion !== undefined) return { changes, secretVersion: versionOf(edit.secretVersion) };
  return { changes };
}

/** The configuration after an edit's changes. */
export function applyChanges<S extends IntegrationConfiguration>(state: S, changes: readonly IntegrationFieldChange[], secretVersion?: string): S {
  const next = changes.reduce(applyChange, state);
  return secretVersion === undefined ? next : { ...next, secretVersion };
}

function applyChange<S extends IntegrationConfiguration>(state: S, change: IntegrationFieldChange): S {
  if (change.field === 'name') return { ...state, name: change.newValue ?? state.name };
  if (change.field === 'secret') return { ...state, secretLast4: change.newValue, secretVersion: null };
  const key = change.field.replace(/^settings\./, '');
  return { ...state, settings: { ...state.settings, [key]: change.newValue ?? '' } };
}

/** Versions are ids the API makes (UUIDs); anything else is a bug upstream, not a user's input. */
function versionOf(version: string): string {
  if (!/^[0-9a-f-]{36}$/i.test(version)) throw new Error(`secretVersion ${JSON.stringify(version)} is not a UUID`);
  return version;
}
