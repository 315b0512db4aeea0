import { Role } from '../access/roles';
import { OrgSettingsCommand } from './org-settings.commands';

/** How long the organization's activity is kept: its owners decide. */
export const orgSettingsPermissions: Record<OrgSettingsCommand['type'], readonly Role[]> = {
  ChangeOrganizationSetting: ['org_owner'],
};
