import { Role } from '../access/roles';
import { Initiator } from '../shared/initiator';
import { IntegrationKind, IntegrationSettings } from './integration.events';

interface IntegrationCommandBase {
  integrationId: string;
  by: Initiator;
}

export type SetUpIntegration = IntegrationCommandBase & {
  type: 'SetUpIntegration';
  kind: IntegrationKind;
  name: string;
  settings: IntegrationSettings;
  /** Checked and fingerprinted here; stored sealed (under `secretVersion`) by the API before the command runs. */
  secret?: string;
  secretVersion?: string;
};
/** Only the fields given change; `settings` may name a subset of the kind's fields. */
export type EditIntegration = IntegrationCommandBase & {
  type: 'EditIntegration';
  name?: string;
  settings?: IntegrationSettings;
  secret?: string;
  secretVersion?: string;
};
export type DisconnectIntegration = IntegrationCommandBase & { type: 'DisconnectIntegration'; reason?: string };
export type RecordIntegrationSyncSuccess = IntegrationCommandBase & {
  type: 'RecordIntegrationSyncSuccess';
  eventsSent: number;
};
export type RecordIntegrationSyncFailure = IntegrationCommandBase & { type: 'RecordIntegrationSyncFailure'; error: string };

export type IntegrationCommand =
  | SetUpIntegration
  | EditIntegration
  | DisconnectIntegration
  | RecordIntegrationSyncSuccess
  | RecordIntegrationSyncFailure;

const managers: Role[] = ['msp_owner', 'msp_admin'];
// The pushers record their own syncs under a service credential scoped to the MSP.
const syncRecorders: Role[] = ['service', 'msp_owner', 'msp_admin'];

export const integrationPermissions: Record<IntegrationCommand['type'], readonly Role[]> = {
  SetUpIntegration: managers,
  EditIntegration: managers,
  DisconnectIntegration: managers,
  RecordIntegrationSyncSuccess: syncRecorders,
  RecordIntegrationSyncFailure: syncRecorders,
};

export const integrationStream = (integrationId: string) => `integration-${integrationId}`;
