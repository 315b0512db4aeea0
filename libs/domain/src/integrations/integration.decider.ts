import { Decider } from '../shared/decider';
import { NotFound, Refused } from '../shared/domain-errors';
import { EditIntegration, IntegrationCommand, SetUpIntegration } from './integration.commands';
import { checkSettings, secretFingerprint } from './integration-settings';
import { IntegrationEvent, IntegrationFieldChange, IntegrationKind, IntegrationSettings } from './integration.events';

export type IntegrationState =
  | { exists: false }
  | {
      exists: true;
      integrationId: string;
      mspId: string;
      kind: IntegrationKind;
      name: string;
      settings: IntegrationSettings;
      secretLast4: string | null;
      disconnected: boolean;
    };

type Existing = Extract<IntegrationState, { exists: true }>;

export const integrationDecider: Decider<IntegrationCommand, IntegrationEvent, IntegrationState> = {
  initialState: { exists: false },
  evolve,
  decide,
};

function evolve(state: IntegrationState, event: IntegrationEvent): IntegrationState {
  if (event.type === 'IntegrationSetUp') {
    const { integrationId, mspId, kind, name, settings, secretLast4 } = event.data;
    return { exists: true, integrationId, mspId, kind, name, settings, secretLast4: secretLast4 ?? null, disconnected: false };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'IntegrationEdited':
      return event.data.changes.reduce(applyChange, state);
    case 'IntegrationDisconnected':
      return { ...state, disconnected: true };
    case 'IntegrationSyncSucceeded':
    case 'IntegrationSyncFailed':
      return state;
  }
}

function applyChange(state: Existing, change: IntegrationFieldChange): Existing {
  if (change.field === 'name') return { ...state, name: change.newValue ?? state.name };
  if (change.field === 'secret') return { ...state, secretLast4: change.newValue };
  const key = change.field.replace(/^settings\./, '');
  return { ...state, settings: { ...state.settings, [key]: change.newValue ?? '' } };
}

function decide(command: IntegrationCommand, state: IntegrationState): IntegrationEvent[] {
  if (command.type === 'SetUpIntegration') return setUp(command, state);
  const integration = owned(state, command);
  const ref = { integrationId: integration.integrationId, kind: integration.kind, name: integration.name };
  if (integration.disconnected) throw new Refused(`Integration '${integration.name}' is disconnected`);
  switch (command.type) {
    case 'EditIntegration':
      return [{ type: 'IntegrationEdited', data: { ...ref, changes: changesOf(command, integration) } }];
    case 'DisconnectIntegration':
      return [{ type: 'IntegrationDisconnected', data: { ...ref, ...(command.reason && { reason: command.reason }) } }];
    case 'RecordIntegrationSyncSuccess':
      return [{ type: 'IntegrationSyncSucceeded', data: { ...ref, eventsSent: command.eventsSent } }];
    case 'RecordIntegrationSyncFailure':
      return [{ type: 'IntegrationSyncFailed', data: { ...ref, error: command.error } }];
  }
}

function setUp(command: SetUpIntegration, state: IntegrationState): IntegrationEvent[] {
  if (state.exists) throw new Refused(`Integration ${command.integrationId} already exists`);
  const mspId = command.by.mspId;
  if (!mspId) throw new NotFound('Only an MSP can set up an integration');
  checkSettings(command.kind, command.settings);
  const { integrationId, kind, name, settings, secret } = command;
  const secretLast4 = secret === undefined ? {} : { secretLast4: secretFingerprint(secret) };
  return [{ type: 'IntegrationSetUp', data: { integrationId, mspId, kind, name, settings, ...secretLast4 } }];
}

function changesOf(command: EditIntegration, integration: Existing): IntegrationFieldChange[] {
  const changes: IntegrationFieldChange[] = [];
  if (command.name !== undefined && command.name !== integration.name) {
    changes.push({ field: 'name', previousValue: integration.name, newValue: command.name });
  }
  const settings = command.settings ?? {};
  checkSettings(integration.kind, settings, true);
  for (const [key, value] of Object.entries(settings)) {
    const previous = integration.settings[key] ?? null;
    if (value !== previous) changes.push({ field: `settings.${key}`, previousValue: previous, newValue: value });
  }
  // A new secret is a rotation even when its last characters happen to match the old ones.
  if (command.secret !== undefined) {
    changes.push({ field: 'secret', previousValue: integration.secretLast4, newValue: secretFingerprint(command.secret) });
  }
  if (changes.length === 0) throw new Refused(`Editing integration '${integration.name}' would change nothing`);
  return changes;
}

/** An MSP acts only on its own integrations; any other looks like a missing one. */
function owned(state: IntegrationState, command: IntegrationCommand): Existing {
  if (!state.exists || state.mspId !== command.by.mspId) {
    throw new NotFound(`Integration ${command.integrationId} not found`);
  }
  return state;
}
