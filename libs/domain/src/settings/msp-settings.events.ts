import { DomainEvent } from '../shared/decider';
import { MspSettingKey, MspSettingValue } from './msp-setting-definitions';

/** `oldValue` is the documented default when the key was never set. */
export type MspSettingChanged = DomainEvent<
  'MspSettingChanged',
  { mspId: string; key: MspSettingKey; oldValue: MspSettingValue; newValue: MspSettingValue }
>;

export type MspSettingsEvent = MspSettingChanged;
