import { billingPermissions } from '../billing/billing.commands';
import { integrationPermissions } from '../integrations/integration.commands';
import { mspApiKeyPermissions } from '../integrations/msp-api-key.commands';
import { mspAccessPermissions } from '../msp-access/msp-member-access.commands';
import { mspPermissions } from '../msp/msp.commands';
import { orgMemberAccessPermissions } from '../org-members/org-member-access.commands';
import { orgRosterPermissions } from '../org-members/org-roster.commands';
import { organizationPermissions } from '../organizations/organization.commands';
import { activityLogTokenPermissions } from '../policies/activity-log-token.commands';
import { orgPoliciesPermissions } from '../policies/org-policies.commands';
import { siemIntegrationPermissions } from '../policies/siem-integration.commands';
import { vantaIntegrationPermissions } from '../policies/vanta-integration.commands';
import { settingsPermissions } from '../settings/msp-settings.commands';
import { orgSettingsPermissions } from '../settings/org-settings.commands';
import { folderPermissions } from '../vault/folder.commands';
import { vaultItemPermissions } from '../vault/vault-item.commands';
import { CommandType } from './command-types';
import { QUERY_PERMISSIONS, QueryType } from './query-permissions';
import { Role } from './roles';

/**
 * Which role may send which command, per area. Each commands file decides for its own commands,
 * right below their union (a command without an entry there does not compile); this only groups them.
 */
export const AREA_PERMISSIONS = {
  msp: mspPermissions,
  mspAccess: mspAccessPermissions,
  organizations: organizationPermissions,
  integrations: { ...integrationPermissions, ...mspApiKeyPermissions },
  billing: billingPermissions,
  settings: settingsPermissions,
  orgSettings: orgSettingsPermissions,
  orgMembers: { ...orgRosterPermissions, ...orgMemberAccessPermissions },
  policies: { ...orgPoliciesPermissions, ...vantaIntegrationPermissions, ...activityLogTokenPermissions, ...siemIntegrationPermissions },
  vault: { ...vaultItemPermissions, ...folderPermissions },
} as const;

/** Every command type with its roles; a command (or an area) left out does not compile. */
export const ROLE_MATRIX: Readonly<Record<CommandType, readonly Role[]>> = Object.freeze({
  ...AREA_PERMISSIONS.msp,
  ...AREA_PERMISSIONS.mspAccess,
  ...AREA_PERMISSIONS.organizations,
  ...AREA_PERMISSIONS.integrations,
  ...AREA_PERMISSIONS.billing,
  ...AREA_PERMISSIONS.settings,
  ...AREA_PERMISSIONS.orgSettings,
  ...AREA_PERMISSIONS.orgMembers,
  ...AREA_PERMISSIONS.policies,
  ...AREA_PERMISSIONS.vault,
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
