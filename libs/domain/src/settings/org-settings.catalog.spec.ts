import { Cases, describeAreaDescribers } from '../testing/describer-cases';
import { orgSettingsDescribers } from './org-settings.catalog';
import { OrgSettingsEvent } from './org-settings.events';

const cases: Cases<OrgSettingsEvent> = {
  OrganizationSettingChanged: {
    data: { orgId: 'org-1', key: 'activityLogRetentionDays', oldValue: null, newValue: 180 },
    action: 'Changed setting',
    target: { type: 'setting', id: 'activityLogRetentionDays', name: 'activity log retention' },
    summary: "Ann Lee changed activity log retention from the MSP's to 180 days",
  },
};

describe('organization settings describers', () => {
  describeAreaDescribers(orgSettingsDescribers, cases);
});
