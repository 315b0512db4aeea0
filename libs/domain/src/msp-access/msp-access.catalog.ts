import { ActivityCategory } from '../catalog/activity-category';
import { MspMemberAccessEvent } from './msp-member-access.events';

export const mspAccessEventCategories = {
  MspSignInSucceeded: 'MSP Access',
  MspSignInFailed: 'MSP Access',
  MspPasswordChanged: 'MSP Access',
  MspTwoFactorEnabled: 'MSP Access',
  MspTwoFactorDisabled: 'MSP Access',
} as const satisfies Record<MspMemberAccessEvent['type'], ActivityCategory>;
