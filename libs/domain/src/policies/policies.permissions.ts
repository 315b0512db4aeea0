import { Role } from '../access/roles';
import { ActivityLogTokenCommand } from './activity-log-token.commands';
import { OrgPoliciesCommand } from './org-policies.commands';
import { SiemIntegrationCommand } from './siem-integration.commands';
import { VantaIntegrationCommand } from './vanta-integration.commands';

const managers: Role[] = ['org_owner', 'org_admin'];
/** Where the organization's activity goes, item names included: its owners decide, not its admins. */
const owners: Role[] = ['org_owner'];
/** The delivery worker records its syncs as a service (also reachable over HTTP, like an MSP's). */
const syncRecorders: Role[] = ['service'];

export const orgPoliciesPermissions: Record<OrgPoliciesCommand['type'], readonly Role[]> = {
  EnablePolicy: managers,
  DisablePolicy: managers,
};

export const vantaIntegrationPermissions: Record<VantaIntegrationCommand['type'], readonly Role[]> = {
  ConnectVantaIntegration: managers,
  DisconnectVantaIntegration: managers,
};

/** A token reads the log without a person behind each read: only an owner hands one out; an admin may still revoke it. */
export const activityLogTokenPermissions: Record<ActivityLogTokenCommand['type'], readonly Role[]> = {
  CreateActivityLogToken: owners,
  RevokeActivityLogToken: managers,
};

export const siemIntegrationPermissions: Record<SiemIntegrationCommand['type'], readonly Role[]> = {
  SetUpSiemIntegration: owners,
  EditSiemIntegration: owners,
  DisconnectSiemIntegration: owners,
  RecordSiemIntegrationSyncSuccess: syncRecorders,
  RecordSiemIntegrationSyncFailure: syncRecorders,
};

export const policiesPermissions = {
  ...orgPoliciesPermissions,
  ...vantaIntegrationPermissions,
  ...activityLogTokenPermissions,
  ...siemIntegrationPermissions,
};
