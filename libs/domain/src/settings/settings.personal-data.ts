import { AreaPrivacy } from '../privacy/personal-data';
import { MspSettingsEvent } from './msp-settings.events';
import { OrgSettingsEvent } from './org-settings.events';

/** Settings are the tenant's (a support email is a company contact, not a member's). */
export const settingsPrivacy: AreaPrivacy<MspSettingsEvent | OrgSettingsEvent> = {
  MspSettingChanged: { retention: 'state', personal: [] },
  OrganizationSettingChanged: { retention: 'state', personal: [] },
};
