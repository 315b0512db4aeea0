import { Role } from '../access/roles';
import { MspCommand } from './msp.commands';

const managers: Role[] = ['msp_owner', 'msp_admin'];

export const mspPermissions: Record<MspCommand['type'], readonly Role[]> = {
  CreateMspAccount: ['service'],
  InviteMspMember: managers,
  // The invitee's token carries the role they were invited with.
  AcceptMspInvitation: ['msp_admin', 'msp_member'],
  RevokeMspInvitation: managers,
  ChangeMspMemberRole: managers,
  SuspendMspMember: managers,
  ReactivateMspMember: managers,
  RemoveMspMember: managers,
  TransferMspOwnership: ['msp_owner'],
  EraseMspMemberPersonalData: ['msp_owner'],
};
