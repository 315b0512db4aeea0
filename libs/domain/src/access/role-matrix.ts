import { billingPermissions } from '../billing/billing.permissions';
import { integrationsPermissions } from '../integrations/integrations.permissions';
import { mspAccessPermissions } from '../msp-access/msp-access.permissions';
import { mspPermissions } from '../msp/msp.permissions';
import { orgMembersPermissions } from '../org-members/org-members.permissions';
import { organizationPermissions } from '../organizations/organization.permissions';
import { policiesPermissions } from '../policies/policies.permissions';
import { settingsPermissions } from '../settings/settings.permissions';
import { orgSettingsPermissions } from '../settings/org-settings.permissions';
import { vaultPermissions } from '../vault/vault.permissions';
import { CommandType } from './command-types';
import { QUERY_PERMISSIONS, QueryType } from './query-permissions';
import { Role } from './roles';

/** Which role may send which command, per area: the one place this is decided. */
export const AREA_PERMISSIONS = {
  msp: mspPermissions,
  mspAccess: mspAccessPermissions,
  organizations: organizationPermissions,
  integrations: integrationsPermissions,
  billing: billingPermissions,
  settings: settingsPermissions,
  orgSettings: orgSettingsPermissions,
  orgMembers: orgMembersPermissions,
  policies: policiesPermissions,
  vault: vaultPermissions,
} as const;

/** Every command type with its roles; a command without an entry does not compile. */
export const ROLE_MATRIX: Readonly<Record<CommandType, readonly Role[]>> = Object.freeze({
  ...mspPermissions,
  ...mspAccessPermissions,
  ...organizationPermissions,
  ...integrationsPermissions,
  ...billingPermissions,
  ...settingsPermissions,
  ...orgSettingsPermissions,
  ...orgMembersPermissions,
  ...policiesPermissions,
  ...vaultPermissions,
});

export function isCommandType(value: string): value is CommandType {
  return Object.hasOwn(ROLE_MATRIX, value);
}

/** Throws for a type the matrix does not know: commands arrive typed, so that is a bug, never a 403. */
export function mayExecute(role: Role, commandType: CommandType): boolean {
  if (!isCommandType(commandType)) throw new Error(`Command ${commandType} has no entry in the role matrix`);
  return ROLE_MATRIX[commandType].includes(role);
}

export function isQueryType(value: string): value is QueryType {
  return Object.hasOwn(QUERY_PERMISSIONS, value);
}

/** Commands and queries alike: what a route's @Authorize names. */
export function mayPerform(role: Role, action: CommandType | QueryType): boolean {
  return isQueryType(action) ? (QUERY_PERMISSIONS[action] as readonly Role[]).includes(role) : mayExecute(role, action);
}
