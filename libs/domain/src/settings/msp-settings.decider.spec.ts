import { InvalidInput, NotFound, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';
import { given } from '../testing/given-when-then';
import { mspSettingsDecider as decider } from './msp-settings.decider';
import { MspSettingsEvent } from './msp-settings.events';

const mspId = 'msp-1';
const by: Initiator = { memberId: 'm-1', role: 'msp_admin', mspId };
const change = (key: string, value: unknown, initiator: Initiator = by) => ({ type: 'ChangeMspSetting' as const, mspId, key, value, by: initiator });
const changed = (key: string, oldValue: unknown, newValue: unknown) => ({ type: 'MspSettingChanged', data: { mspId, key, oldValue, newValue } }) as MspSettingsEvent;

describe('MSP settings decider', () => {
  it('records the documented default as the old value of a key never set', () => {
    given(decider).when(change('sessionTimeoutMinutes', 30)).then([changed('sessionTimeoutMinutes', 60, 30)]);
    given(decider).when(change('requireTwoFactor', true)).then([changed('requireTwoFactor', false, true)]);
    given(decider).when(change('allowedIpRanges', ['10.0.0.0/8', '2001:db8::/32'])).then([changed('allowedIpRanges', [], ['10.0.0.0/8', '2001:db8::/32'])]);
    given(decider).when(change('activityLogRetentionDays', 2555)).then([changed('activityLogRetentionDays', 90, 2555)]);
    given(decider).when(change('supportEmail', 'help@acme.test')).then([changed('supportEmail', null, 'help@acme.test')]);
    given(decider).when(change('defaultOrganizationPolicyPreset', 'strict')).then([changed('defaultOrganizationPolicyPreset', 'standard', 'strict')]);
  });

  it('records the latest value as the old value', () =>
    given(decider, [changed('sessionTimeoutMinutes', 60, 30)]).when(change('sessionTimeoutMinutes', 15))
      .then([changed('sessionTimeoutMinutes', 30, 15)]));

  it('clears the support email with null', () =>
    given(decider, [changed('supportEmail', null, 'a@b.co')]).when(change('supportEmail', null)).then([changed('supportEmail', 'a@b.co', null)]));

  it('refuses to set the current value again', () => {
    given(decider).when(change('sessionTimeoutMinutes', 60)).thenRefuses(Refused, /already 60/);
    given(decider, [changed('allowedIpRanges', [], ['10.0.0.0/8'])]).when(change('allowedIpRanges', ['10.0.0.0/8'])).thenRefuses(Refused);
  });

  it('refuses an unknown key, naming it', () =>
    given(decider).when(change('theme', 'dark')).thenRefuses(InvalidInput, /Unknown setting 'theme'/));

  it.each([
    ['sessionTimeoutMinutes', 4, /integer from 5 to 1440/],
    ['sessionTimeoutMinutes', 30.5, /integer/],
    ['sessionTimeoutMinutes', '30', /integer/],
    ['requireTwoFactor', 'yes', /true or false/],
    ['activityLogRetentionDays', 2556, /90 to 2555/],
    ['activityLogRetentionDays', 89, /90 to 2555/],
    ['supportEmail', 'not-an-email', /email/],
    ['defaultOrganizationPolicyPreset', 'lax', /standard, strict, custom/],
    ['allowedIpRanges', '10.0.0.0/8', /array/],
    ['allowedIpRanges', ['10.0.0.0'], /not an IPv4 or IPv6 CIDR/],
    ['allowedIpRanges', ['10.0.0.256/8'], /CIDR/],
    ['allowedIpRanges', ['10.0.0.0/33'], /CIDR/],
    ['allowedIpRanges', ['2001:db8::/129'], /CIDR/],
    ['allowedIpRanges', ['2001:db8:::1/64'], /CIDR/],
    ['allowedIpRanges', ['1:2:3:4:5:6:7:8:9/64'], /CIDR/],
    ['allowedIpRanges', ['10.0.0.0/8', '10.0.0.0/8'], /twice/],
    ['requireTwoFactor', null, /true or false/],
  ])('refuses %s = %p', (key, value, message) =>
    given(decider).when(change(key, value)).thenRefuses(InvalidInput, message));

  it('accepts the IPv6 forms', () =>
    given(decider).when(change('allowedIpRanges', ['::/0', '::1/128', 'fe80::1:2/64', '::ffff:10.0.0.1/128', '1:2:3:4:5:6:7:8/128']))
      .then([changed('allowedIpRanges', [], ['::/0', '::1/128', 'fe80::1:2/64', '::ffff:10.0.0.1/128', '1:2:3:4:5:6:7:8/128'])]));

  it('answers not found when the initiator belongs to another MSP', () => {
    given(decider).when(change('requireTwoFactor', true, { ...by, mspId: 'msp-2' })).thenRefuses(NotFound);
    given(decider).when(change('requireTwoFactor', true, { memberId: 'x', role: 'org_owner', orgId: 'o' })).thenRefuses(NotFound);
  });

  it('answers not found when the stream belongs to another MSP', () =>
    given(decider, [{ type: 'MspSettingChanged', data: { mspId: 'msp-2', key: 'requireTwoFactor', oldValue: false, newValue: true } }])
      .when(change('requireTwoFactor', false)).thenRefuses(NotFound));
});
