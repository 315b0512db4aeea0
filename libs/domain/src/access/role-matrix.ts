import { billingPermissions } from '../billing/billing.permissions';
import { integrationsPermissions } from '../integrations/integrations.permissions';
import { mspAccessPermissions } from '../msp-access/msp-access.permissions';
import { mspPermissions } from '../msp/msp.permissions';
import { orgMembersPermissions } from '../org-members/org-members.permissions';
import { organizationPermissions } from '../organizations/organization.permissions';
import { policiesPermissions } from '../policies/policies.permissions';
import { settingsPermissions } from '../settings/settings.permissions';
import { vaultPermissions } from '../vault/vault.permissions';
import { QUERY_PERMISSIONS } from './query-permissions';
import { Role } from './roles';

/** Which role may send which command: the one place this is decided. */
export const AREA_PERMISSIONS: Record<string, Record<string, readonly Role[]>> = {
  msp: mspPermissions,
  mspAccess: mspAccessPermissions,
  organizations: organizationPermissions,
  integrations: integrationsPermissions,
  billing: billingPermissions,
  settings: settingsPermissions,
  orgMembers: orgMembersPermissions,
  policies: policiesPermissions,
  vault: vaultPermissions,
};

export const ROLE_MATRIX: Readonly<Record<string, readonly Role[]>> = Object.freeze(
  Object.assign({}, ...Object.values(AREA_PERMISSIONS)),
);

export function mayExecute(role: Role, commandType: string): boolean {
  const allowed = ROLE_MATRIX[commandType];
  if (!allowed) throw new Error(`Command ${commandType} has no entry in the role matrix`);
  return allowed.includes(role);
}

/** Commands and queries alike: what a route's @Authorize names. */
export function mayPerform(role: Role, action: string): boolean {
  const queryRoles = (QUERY_PERMISSIONS as Record<string, readonly Role[]>)[action];
  return queryRoles ? queryRoles.includes(role) : mayExecute(role, action);
}
