import { Role } from '../access/roles';
import { ActivityLogTokenCommand } from './activity-log-token.commands';
import { OrgPoliciesCommand } from './org-policies.commands';
import { VantaIntegrationCommand } from './vanta-integration.commands';

const managers: Role[] = ['org_owner', 'org_admin'];

export const policiesPermissions: Record<
  OrgPoliciesCommand['type'] | VantaIntegrationCommand['type'] | ActivityLogTokenCommand['type'],
  readonly Role[]
> = {
  EnablePolicy: managers,
  DisablePolicy: managers,
  ConnectVantaIntegration: managers,
  DisconnectVantaIntegration: managers,
  CreateActivityLogToken: managers,
  RevokeActivityLogToken: managers,
};
