import { Role } from '../access/roles';
import { Initiator } from '../shared/initiator';

/** `key` and `value` are checked by the domain against the setting definitions. */
export type ChangeMspSetting = { type: 'ChangeMspSetting'; mspId: string; key: string; value: unknown; by: Initiator };

export type MspSettingsCommand = ChangeMspSetting;

export const settingsPermissions: Record<MspSettingsCommand['type'], readonly Role[]> = {
  ChangeMspSetting: ['msp_owner', 'msp_admin'],
};

export const mspSettingsStream = (mspId: string) => `mspSettings-${mspId}`;
