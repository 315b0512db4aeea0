import { Role } from '../access/roles';
import { Initiator } from '../shared/initiator';

/**
 * `key` and `value` are checked by the domain. `mspBound` is the supervising MSP's value for the
 * same key, read by the command side before deciding (absent for an organization no MSP supervises).
 */
export type ChangeOrganizationSetting = {
  type: 'ChangeOrganizationSetting';
  orgId: string;
  key: string;
  value: unknown;
  mspBound?: number;
  by: Initiator;
};

export type OrgSettingsCommand = ChangeOrganizationSetting;

/** How long the organization's activity is kept: its owners decide. */
export const orgSettingsPermissions: Record<OrgSettingsCommand['type'], readonly Role[]> = {
  ChangeOrganizationSetting: ['org_owner'],
};

export const orgSettingsStream = (orgId: string) => `orgSettings-${orgId}`;
