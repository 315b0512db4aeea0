import { IntegrationSettings } from '../integrations/integration.events';
import { SiemKind } from '../integrations/integration-settings';
import { Initiator } from '../shared/initiator';

interface SiemIntegrationCommandBase {
  integrationId: string;
  by: Initiator;
}

export type SetUpSiemIntegration = SiemIntegrationCommandBase & {
  type: 'SetUpSiemIntegration';
  kind: SiemKind;
  name: string;
  settings: IntegrationSettings;
  /** Checked and fingerprinted here; stored sealed (under `secretVersion`) by the API before the command runs. */
  secret: string;
  secretVersion?: string;
};
export type EditSiemIntegration = SiemIntegrationCommandBase & {
  type: 'EditSiemIntegration';
  name?: string;
  settings?: IntegrationSettings;
  secret?: string;
  secretVersion?: string;
};
export type DisconnectSiemIntegration = SiemIntegrationCommandBase & { type: 'DisconnectSiemIntegration'; reason?: string };
export type RecordSiemIntegrationSyncSuccess = SiemIntegrationCommandBase & { type: 'RecordSiemIntegrationSyncSuccess'; eventsSent: number };
export type RecordSiemIntegrationSyncFailure = SiemIntegrationCommandBase & { type: 'RecordSiemIntegrationSyncFailure'; error: string };

export type SiemIntegrationCommand =
  | SetUpSiemIntegration
  | EditSiemIntegration
  | DisconnectSiemIntegration
  | RecordSiemIntegrationSyncSuccess
  | RecordSiemIntegrationSyncFailure;

export const siemIntegrationStream = (integrationId: string) => `siemIntegration-${integrationId}`;
