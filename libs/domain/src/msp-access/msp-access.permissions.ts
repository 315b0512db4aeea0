import { MSP_ROLES, Role } from '../access/roles';
import { MspMemberAccessCommand } from './msp-member-access.commands';

export const mspAccessPermissions: Record<MspMemberAccessCommand['type'], readonly Role[]> = {
  RecordMspSignInSuccess: ['service'],
  RecordMspSignInFailure: ['service'],
  ChangeMspPassword: MSP_ROLES,
  EnableMspTwoFactor: MSP_ROLES,
  DisableMspTwoFactor: MSP_ROLES,
};
