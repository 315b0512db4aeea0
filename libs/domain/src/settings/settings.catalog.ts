import { MspCategory } from '../catalog/activity-category';
import { AreaExamples } from '../catalog/catalog-example';
import { DescriberMap, MspAreaDescribers } from '../catalog/event-describer';
import { MspSettingKey, MspSettingValue } from './msp-setting-definitions';
import { MspSettingsEvent } from './msp-settings.events';
import { AreaPrivacy } from '../privacy/personal-data';

interface SettingFormat {
  label: string;
  /** Word after a number, e.g. 'minutes'. */
  unit?: string;
}

const SETTING_FORMATS: Record<MspSettingKey, SettingFormat> = {
  sessionTimeoutMinutes: { label: 'session timeout', unit: 'minutes' },
  requireTwoFactor: { label: 'two-factor requirement' },
  allowedIpRanges: { label: 'allowed IP ranges' },
  activityLogRetentionDays: { label: 'activity log retention', unit: 'days' },
  supportEmail: { label: 'support email' },
  defaultOrganizationPolicyPreset: { label: 'default organization policy preset' },
};

/** Lists longer than this read as a count: the whole list stays in the entry's data. */
const MAX_LISTED = 3;

const formatOf = (key: string): SettingFormat => SETTING_FORMATS[key as MspSettingKey] ?? { label: key };

function formatValue(value: MspSettingValue, unit?: string): string {
  if (value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'number') return unit ? `${value} ${unit}` : String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    return value.length > MAX_LISTED ? `${value.length} entries` : value.join(', ');
  }
  return value;
}

/** How an MSP's settings changes read in the Activity Log. */
const describers: MspAreaDescribers<MspSettingsEvent> = {
  MspSettingChanged: {
    category: 'Settings',
    action: 'Changed setting',
    target: (d) => ({ type: 'setting', id: d.key, name: formatOf(d.key).label }),
    summary: (d, v) => {
      const { label, unit } = formatOf(d.key);
      return `${v.initiatorName} changed ${label} from ${formatValue(d.oldValue, unit)} to ${formatValue(d.newValue, unit)}`;
    },
  },
};

export const settingsDescribers: DescriberMap<MspCategory> = describers;

/** A realistic instance of each event and what a reader with generic item details must never see of it. */
export const settingsExamples: AreaExamples<MspSettingsEvent> = {
  MspSettingChanged: { data: { mspId: 'msp-1', key: 'sessionTimeoutMinutes', oldValue: 60, newValue: 30 }, hidden: [] },
};

/** Settings are the tenant's (a support email is a company contact, not a member's). */
export const settingsPrivacy: AreaPrivacy<MspSettingsEvent> = {
  MspSettingChanged: { retention: 'state', personal: [] },
};
