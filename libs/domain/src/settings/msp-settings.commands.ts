import { Initiator } from '../shared/initiator';

/** `key` and `value` are checked by the domain against the setting definitions. */
export type ChangeMspSetting = { type: 'ChangeMspSetting'; mspId: string; key: string; value: unknown; by: Initiator };

export type MspSettingsCommand = ChangeMspSetting;

export const mspSettingsStream = (mspId: string) => `mspSettings-${mspId}`;
