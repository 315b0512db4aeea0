import { ActivityCategory } from '../catalog/activity-category';
import { MspEvent } from './msp.events';

export const mspEventCategories = {
  MspAccountCreated: 'MSP Access',
  MspMemberInvited: 'MSP User Management',
  MspInvitationAccepted: 'MSP User Management',
  MspInvitationRevoked: 'MSP User Management',
  MspMemberRoleChanged: 'MSP User Management',
  MspMemberSuspended: 'MSP User Management',
  MspMemberReactivated: 'MSP User Management',
  MspMemberRemoved: 'MSP User Management',
  MspOwnershipTransferred: 'MSP User Management',
} as const satisfies Record<MspEvent['type'], ActivityCategory>;
