import { Decider } from '../shared/decider';
import { InvalidInput, NotFound, Refused } from '../shared/domain-errors';
import { isMspSettingKey, MSP_SETTING_DEFINITIONS, MspSettingKey, MspSettingValue } from './msp-setting-definitions';
import { MspSettingsCommand } from './msp-settings.commands';
import { MspSettingsEvent } from './msp-settings.events';

/** Every MSP has settings (the defaults) from the start; only changed keys are held. */
export interface MspSettingsState {
  mspId: string | null;
  values: Partial<Record<MspSettingKey, MspSettingValue>>;
}

export const mspSettingsDecider: Decider<MspSettingsCommand, MspSettingsEvent, MspSettingsState> = {
  initialState: { mspId: null, values: {} },
  evolve,
  decide,
};

function evolve(state: MspSettingsState, event: MspSettingsEvent): MspSettingsState {
  const { mspId, key, newValue } = event.data;
  return { mspId, values: { ...state.values, [key]: newValue } };
}

function decide(command: MspSettingsCommand, state: MspSettingsState): MspSettingsEvent[] {
  const { mspId, key, value, by } = command;
  if (!by.mspId || by.mspId !== mspId || (state.mspId !== null && state.mspId !== mspId)) {
    throw new NotFound(`Settings of ${mspId} not found`);
  }
  if (!isMspSettingKey(key)) throw new InvalidInput(`Unknown setting '${key}'`, 'key');
  const problem = MSP_SETTING_DEFINITIONS[key].problem(value);
  if (problem) throw new InvalidInput(`${key} ${problem}`, 'value');
  const newValue = value as MspSettingValue;
  const oldValue = key in state.values ? (state.values[key] as MspSettingValue) : MSP_SETTING_DEFINITIONS[key].defaultValue;
  if (JSON.stringify(oldValue) === JSON.stringify(newValue)) {
    throw new Refused(`${key} is already ${JSON.stringify(newValue)}`);
  }
  return [{ type: 'MspSettingChanged', data: { mspId, key, oldValue, newValue } }];
}
