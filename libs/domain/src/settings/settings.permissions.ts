import { Role } from '../access/roles';
import { MspSettingsCommand } from './msp-settings.commands';

export const settingsPermissions: Record<MspSettingsCommand['type'], readonly Role[]> = {
  ChangeMspSetting: ['msp_owner', 'msp_admin'],
};
