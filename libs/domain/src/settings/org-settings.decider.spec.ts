import { InvalidInput, NotFound, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';
import { given } from '../testing/given-when-then';
import { orgSettingsDecider as decider } from './org-settings.decider';
import { OrgSettingsEvent } from './org-settings.events';
import { effectiveRetentionDays, retentionDaysOf } from './retention';

const orgId = 'org-1';
const by: Initiator = { memberId: 'm-1', role: 'org_owner', orgId };
const change = (value: unknown, mspBound?: number, initiator: Initiator = by) => ({
  type: 'ChangeOrganizationSetting' as const, orgId, key: 'activityLogRetentionDays', value, mspBound, by: initiator,
});
const changed = (oldValue: number | null, newValue: number | null): OrgSettingsEvent => ({
  type: 'OrganizationSettingChanged', data: { orgId, key: 'activityLogRetentionDays', oldValue, newValue },
});

describe('organization settings decider', () => {
  it('sets the retention within the MSP’s bound, starting from null (the MSP’s value)', () => {
    given(decider).when(change(180, 365)).then([changed(null, 180)]);
    given(decider).when(change(365, 365)).then([changed(null, 365)]);
    given(decider).when(change(2555)).then([changed(null, 2555)]);
  });

  it('goes back to the MSP’s value with null, and refuses the current value again', () => {
    given(decider, [changed(null, 180)]).when(change(null, 365)).then([changed(180, null)]);
    given(decider, [changed(null, 180)]).when(change(180, 365)).thenRefuses(Refused, /already 180/);
    given(decider).when(change(null)).thenRefuses(Refused, /already null/);
  });

  it.each([
    [89, /90 to 2555, or null/],
    [2556, /90 to 2555/],
    [120.5, /integer/],
    ['180', /integer/],
    [400, /exceed the MSP's retention of 365 days/],
  ])('refuses %p', (value, message) => given(decider).when(change(value, 365)).thenRefuses(InvalidInput, message));

  it('refuses an unknown key, another organization’s settings, or a principal of none', () => {
    given(decider).when({ ...change(180), key: 'colour' }).thenRefuses(InvalidInput, /Unknown setting/);
    given(decider).when(change(180, undefined, { ...by, orgId: 'org-2' })).thenRefuses(NotFound);
    given(decider, [changed(null, 180)]).when({ ...change(200, undefined, { ...by, orgId: 'org-2' }), orgId: 'org-2' }).thenRefuses(NotFound);
  });
});

describe('retention days', () => {
  it('is the organization’s own within its MSP’s, else the MSP’s', () => {
    expect(effectiveRetentionDays(365, 180)).toBe(180);
    expect(effectiveRetentionDays(180, 365)).toBe(180);
    expect(effectiveRetentionDays(400, null)).toBe(400);
    expect(effectiveRetentionDays(400, undefined)).toBe(400);
  });

  it('reads a stored value back within the bounds, or the default', () => {
    expect(retentionDaysOf(400)).toBe(400);
    expect(retentionDaysOf(30)).toBe(90);
    expect(retentionDaysOf(3650)).toBe(90);
    expect(retentionDaysOf(undefined)).toBe(90);
  });
});
