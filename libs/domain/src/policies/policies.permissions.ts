import { Role } from '../access/roles';
import { ActivityLogTokenCommand } from './activity-log-token.commands';
import { OrgPoliciesCommand } from './org-policies.commands';
import { VantaIntegrationCommand } from './vanta-integration.commands';

const managers: Role[] = ['org_owner', 'org_admin'];

export const orgPoliciesPermissions: Record<OrgPoliciesCommand['type'], readonly Role[]> = {
  EnablePolicy: managers,
  DisablePolicy: managers,
};

export const vantaIntegrationPermissions: Record<VantaIntegrationCommand['type'], readonly Role[]> = {
  ConnectVantaIntegration: managers,
  DisconnectVantaIntegration: managers,
};

export const activityLogTokenPermissions: Record<ActivityLogTokenCommand['type'], readonly Role[]> = {
  CreateActivityLogToken: managers,
  RevokeActivityLogToken: managers,
};

export const policiesPermissions = { ...orgPoliciesPermissions, ...vantaIntegrationPermissions, ...activityLogTokenPermissions };
