import { DomainEvent } from '../shared/decider';
import { OrgSettingKey, OrgSettingValue } from './org-setting-definitions';

/** `null`: the organization follows its MSP's value. `oldValue` is null when the key was never set. */
export type OrganizationSettingChanged = DomainEvent<
  'OrganizationSettingChanged',
  { orgId: string; key: OrgSettingKey; oldValue: OrgSettingValue; newValue: OrgSettingValue }
>;

export type OrgSettingsEvent = OrganizationSettingChanged;
