import { applyChanges, changesOf, IntegrationConfiguration, secretReference } from '../integrations/integration-changes';
import { checkSettings, isSiemKind, SiemKind } from '../integrations/integration-settings';
import { Decider } from '../shared/decider';
import { InvalidInput, NotFound, Refused } from '../shared/domain-errors';
import { SetUpSiemIntegration, SiemIntegrationCommand } from './siem-integration.commands';
import { SiemIntegrationEvent } from './siem-integration.events';

export type SiemIntegrationState =
  | { exists: false }
  | ({ exists: true; integrationId: string; orgId: string; kind: SiemKind; disconnected: boolean } & Omit<IntegrationConfiguration, 'kind'>);

type Existing = Extract<SiemIntegrationState, { exists: true }>;

/** An organization's own SIEM integration: set up, edited and disconnected by its owners only. */
export const siemIntegrationDecider: Decider<SiemIntegrationCommand, SiemIntegrationEvent, SiemIntegrationState> = {
  initialState: { exists: false },
  evolve,
  decide,
};

function evolve(state: SiemIntegrationState, event: SiemIntegrationEvent): SiemIntegrationState {
  if (event.type === 'SiemIntegrationSetUp') {
    const { integrationId, orgId, kind, name, settings, secretLast4, secretVersion } = event.data;
    return {
      exists: true, integrationId, orgId, kind, name, settings,
      secretLast4: secretLast4 ?? null, secretVersion: secretVersion ?? null, disconnected: false,
    };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'SiemIntegrationEdited':
      return applyChanges(state, event.data.changes, event.data.secretVersion);
    case 'SiemIntegrationDisconnected':
      return { ...state, disconnected: true };
    default:
      return state;
  }
}

function decide(command: SiemIntegrationCommand, state: SiemIntegrationState): SiemIntegrationEvent[] {
  if (command.type === 'SetUpSiemIntegration') return setUp(command, state);
  const integration = owned(state, command);
  const ref = { integrationId: integration.integrationId, kind: integration.kind, name: integration.name };
  if (integration.disconnected) throw new Refused(`Integration '${integration.name}' is disconnected`);
  switch (command.type) {
    case 'EditSiemIntegration':
      return [{ type: 'SiemIntegrationEdited', data: { ...ref, ...changesOf(command, integration) } }];
    case 'DisconnectSiemIntegration':
      return [{ type: 'SiemIntegrationDisconnected', data: { ...ref, ...(command.reason && { reason: command.reason }) } }];
    case 'RecordSiemIntegrationSyncSuccess':
      return [{ type: 'SiemIntegrationSyncSucceeded', data: { ...ref, eventsSent: command.eventsSent } }];
    case 'RecordSiemIntegrationSyncFailure':
      return [{ type: 'SiemIntegrationSyncFailed', data: { ...ref, error: command.error } }];
  }
}

function setUp(command: SetUpSiemIntegration, state: SiemIntegrationState): SiemIntegrationEvent[] {
  if (state.exists) throw new Refused(`Integration ${command.integrationId} already exists`);
  const orgId = command.by.orgId;
  if (!orgId) throw new NotFound('Only an organization can set up its own SIEM integration');
  if (!isSiemKind(command.kind)) throw new InvalidInput('kind must be splunk or microsoft_sentinel', 'kind');
  checkSettings(command.kind, command.settings);
  const { integrationId, kind, name, settings, secret, secretVersion } = command;
  return [{ type: 'SiemIntegrationSetUp', data: { integrationId, orgId, kind, name, settings, ...secretReference(kind, secret, secretVersion) } }];
}

/** An organization acts only on its own integrations; any other looks like a missing one. */
function owned(state: SiemIntegrationState, command: SiemIntegrationCommand): Existing {
  if (!state.exists || state.orgId !== command.by.orgId) throw new NotFound(`Integration ${command.integrationId} not found`);
  return state;
}
