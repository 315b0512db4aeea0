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

export const integrationStream = (integrationId: string) => `integration-${integrationId}`;
