import { BusinessCategory } from '../catalog/activity-category';
import { AreaExamples } from '../catalog/catalog-example';
import { BusinessAreaDescribers, DescriberMap } from '../catalog/event-describer';
import { OrgSettingValue } from './org-setting-definitions';
import { OrgSettingsEvent } from './org-settings.events';
import { AreaPrivacy } from '../privacy/personal-data';

const LABELS: Record<string, string> = { activityLogRetentionDays: 'activity log retention' };

const valueText = (value: OrgSettingValue) => (value === null ? "the MSP's" : `${value} days`);

/** How an organization's settings changes read in its log (and its MSP's feed). */
const describers: BusinessAreaDescribers<OrgSettingsEvent> = {
  OrganizationSettingChanged: {
    category: 'Policies and Integrations',
    action: 'Changed setting',
    target: (d) => ({ type: 'setting', id: d.key, name: LABELS[d.key] ?? d.key }),
    summary: (d, v) => `${v.initiatorName} changed ${LABELS[d.key] ?? d.key} from ${valueText(d.oldValue)} to ${valueText(d.newValue)}`,
  },
};

export const orgSettingsDescribers: DescriberMap<BusinessCategory> = describers;

/** A realistic instance of each event and what a reader with generic item details must never see of it. */
export const orgSettingsExamples: AreaExamples<OrgSettingsEvent> = {
  OrganizationSettingChanged: { data: { orgId: 'org-sample', key: 'activityLogRetentionDays', oldValue: null, newValue: 180 }, hidden: [] },
};

/** Settings are the tenant's (a support email is a company contact, not a member's). */
export const orgSettingsPrivacy: AreaPrivacy<OrgSettingsEvent> = {
  OrganizationSettingChanged: { retention: 'state', personal: [] },
};
