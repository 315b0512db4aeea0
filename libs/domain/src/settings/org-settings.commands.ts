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

export const orgSettingsStream = (orgId: string) => `orgSettings-${orgId}`;
