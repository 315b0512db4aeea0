import { Role } from '../access/roles';
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

/** Where the organization's activity goes, item names included: its owners decide, not its admins. */
const owners: Role[] = ['org_owner'];
/** The delivery worker records its syncs as a service (also reachable over HTTP, like an MSP's). */
const syncRecorders: Role[] = ['service'];

export const siemIntegrationPermissions: Record<SiemIntegrationCommand['type'], readonly Role[]> = {
  SetUpSiemIntegration: owners,
  EditSiemIntegration: owners,
  DisconnectSiemIntegration: owners,
  RecordSiemIntegrationSyncSuccess: syncRecorders,
  RecordSiemIntegrationSyncFailure: syncRecorders,
};

export const siemIntegrationStream = (integrationId: string) => `siemIntegration-${integrationId}`;
