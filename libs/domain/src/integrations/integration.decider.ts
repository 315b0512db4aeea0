import { Decider } from '../shared/decider';
import { NotFound, Refused } from '../shared/domain-errors';
import { IntegrationCommand, SetUpIntegration } from './integration.commands';
import { applyChanges, changesOf, IntegrationConfiguration, secretReference } from './integration-changes';
import { checkSettings } from './integration-settings';
import { IntegrationEvent } from './integration.events';

export type IntegrationState =
  | { exists: false }
  | ({ exists: true; integrationId: string; mspId: string; disconnected: boolean } & IntegrationConfiguration);

type Existing = Extract<IntegrationState, { exists: true }>;

export const integrationDecider: Decider<IntegrationCommand, IntegrationEvent, IntegrationState> = {
  initialState: { exists: false },
  evolve,
  decide,
};

function evolve(state: IntegrationState, event: IntegrationEvent): IntegrationState {
  if (event.type === 'IntegrationSetUp') {
    const { integrationId, mspId, kind, name, settings, secretLast4, secretVersion } = event.data;
    return {
      exists: true, integrationId, mspId, kind, name, settings,
      secretLast4: secretLast4 ?? null, secretVersion: secretVersion ?? null, disconnected: false,
    };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'IntegrationEdited':
      return applyChanges(state, event.data.changes, event.data.secretVersion);
    case 'IntegrationDisconnected':
      return { ...state, disconnected: true };
    default:
      return state;
  }
}

function decide(command: IntegrationCommand, state: IntegrationState): IntegrationEvent[] {
  if (command.type === 'SetUpIntegration') return setUp(command, state);
  const integration = owned(state, command);
  const ref = { integrationId: integration.integrationId, kind: integration.kind, name: integration.name };
  if (integration.disconnected) throw new Refused(`Integration '${integration.name}' is disconnected`);
  switch (command.type) {
    case 'EditIntegration':
      return [{ type: 'IntegrationEdited', data: { ...ref, ...changesOf(command, integration) } }];
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
  const { integrationId, kind, name, settings, secret, secretVersion } = command;
  return [{ type: 'IntegrationSetUp', data: { integrationId, mspId, kind, name, settings, ...secretReference(kind, secret, secretVersion) } }];
}

/** An MSP acts only on its own integrations; any other looks like a missing one. */
function owned(state: IntegrationState, command: IntegrationCommand): Existing {
  if (!state.exists || state.mspId !== command.by.mspId) {
    throw new NotFound(`Integration ${command.integrationId} not found`);
  }
  return state;
}
