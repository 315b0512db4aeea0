import { BusinessCategory } from '../catalog/activity-category';
import { BusinessAreaDescribers, DescriberMap } from '../catalog/event-describer';
import { OrgSettingValue } from './org-setting-definitions';
import { OrgSettingsEvent } from './org-settings.events';

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
