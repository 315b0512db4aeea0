import { areaViews, Cases, describeAreaDescribers } from '../testing/describer-cases';
import { MspSettingChanged, MspSettingsEvent } from './msp-settings.events';
import { settingsDescribers } from './settings.catalog';

const { ownerView } = areaViews();

const cases: Cases<MspSettingsEvent> = {
  MspSettingChanged: {
    data: { mspId: 'msp-1', key: 'sessionTimeoutMinutes', oldValue: 60, newValue: 30 },
    action: 'Changed setting',
    target: { type: 'setting', id: 'sessionTimeoutMinutes', name: 'session timeout' },
    summary: 'Ann Lee changed session timeout from 60 minutes to 30 minutes',
  },
};

const describer = settingsDescribers.MspSettingChanged;
const change = (
  key: MspSettingChanged['data']['key'],
  oldValue: MspSettingChanged['data']['oldValue'],
  newValue: MspSettingChanged['data']['newValue'],
) => ({ mspId: 'msp-1', key, oldValue, newValue });

describe('Settings describers', () => {
  describeAreaDescribers(settingsDescribers, cases);

  it.each([
    [
      change('requireTwoFactor', false, true),
      'two-factor requirement',
      'Ann Lee changed two-factor requirement from off to on',
    ],
    [
      change('allowedIpRanges', [], ['10.0.0.0/8', '2001:db8::/32']),
      'allowed IP ranges',
      'Ann Lee changed allowed IP ranges from none to 10.0.0.0/8, 2001:db8::/32',
    ],
    [
      change('activityLogRetentionDays', 365, 730),
      'activity log retention',
      'Ann Lee changed activity log retention from 365 days to 730 days',
    ],
    [
      change('supportEmail', null, 'help@northwind.example'),
      'support email',
      'Ann Lee changed support email from none to help@northwind.example',
    ],
    [
      change('defaultOrganizationPolicyPreset', 'standard', 'strict'),
      'default organization policy preset',
      'Ann Lee changed default organization policy preset from standard to strict',
    ],
  ])('reads a change of %j', (data, label, summary) => {
    expect(describer.target(data)).toEqual({ type: 'setting', id: data.key, name: label });
    expect(describer.summary(data, ownerView)).toBe(summary);
  });

  it('counts a long list of IP ranges instead of listing them', () => {
    const ranges = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '203.0.113.0/24'];
    expect(describer.summary(change('allowedIpRanges', ranges, ranges.slice(0, 1)), ownerView)).toBe(
      'Ann Lee changed allowed IP ranges from 4 entries to 10.0.0.0/8',
    );
  });

  it('still reads a key it does not know (an older or newer schema)', () => {
    const data = { mspId: 'msp-1', key: 'brandColor', oldValue: 'blue', newValue: 'green' };
    expect(describer.target(data)).toEqual({ type: 'setting', id: 'brandColor', name: 'brandColor' });
    expect(describer.summary(data, ownerView)).toBe('Ann Lee changed brandColor from blue to green');
  });
});
