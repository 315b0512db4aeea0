import { Decider } from '../shared/decider';
import { InvalidInput, NotFound, Refused } from '../shared/domain-errors';
import { isOrgSettingKey, orgSettingProblem, OrgSettingKey, OrgSettingValue } from './org-setting-definitions';
import { OrgSettingsCommand } from './org-settings.commands';
import { OrgSettingsEvent } from './org-settings.events';

/** Only keys that were set are held; the others follow the MSP. */
export interface OrgSettingsState {
  orgId: string | null;
  values: Partial<Record<OrgSettingKey, OrgSettingValue>>;
}

export const orgSettingsDecider: Decider<OrgSettingsCommand, OrgSettingsEvent, OrgSettingsState> = {
  initialState: { orgId: null, values: {} },
  evolve: (state, event) => ({ orgId: event.data.orgId, values: { ...state.values, [event.data.key]: event.data.newValue } }),
  decide,
};

function decide(command: OrgSettingsCommand, state: OrgSettingsState): OrgSettingsEvent[] {
  const { orgId, key, value, by, mspBound } = command;
  if (!by.orgId || by.orgId !== orgId || (state.orgId !== null && state.orgId !== orgId)) throw new NotFound(`Settings of ${orgId} not found`);
  if (!isOrgSettingKey(key)) throw new InvalidInput(`Unknown setting '${key}'`, 'key');
  const problem = orgSettingProblem(key, value, mspBound);
  if (problem) throw new InvalidInput(`${key} ${problem}`, 'value');
  const newValue = value as OrgSettingValue;
  const oldValue = state.values[key] ?? null;
  if (oldValue === newValue) throw new Refused(`${key} is already ${JSON.stringify(newValue)}`);
  return [{ type: 'OrganizationSettingChanged', data: { orgId, key, oldValue, newValue } }];
}
