import { ActivityCategory } from '../catalog/activity-category';
import { MspSettingsEvent } from './msp-settings.events';

export const settingsEventCategories = {
  MspSettingChanged: 'Settings',
} as const satisfies Record<MspSettingsEvent['type'], ActivityCategory>;
