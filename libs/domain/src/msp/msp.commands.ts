import { MspRole, Role } from '../access/roles';
import { Initiator } from '../shared/initiator';

interface MspCommandBase {
  mspId: string;
  by: Initiator;
}

type OnMember = MspCommandBase & { memberId: string };

export type CreateMspAccount = MspCommandBase & {
  type: 'CreateMspAccount';
  name: string;
  ownerMemberId: string;
  ownerEmail: string;
  ownerName: string;
};
/** `memberId` is the id the invitee will keep once the invitation is accepted. */
export type InviteMspMember = OnMember & { type: 'InviteMspMember'; email: string; role: MspRole; name?: string };
export type AcceptMspInvitation = OnMember & { type: 'AcceptMspInvitation'; name?: string };
export type RevokeMspInvitation = OnMember & { type: 'RevokeMspInvitation' };
export type ChangeMspMemberRole = OnMember & { type: 'ChangeMspMemberRole'; role: MspRole };
export type SuspendMspMember = OnMember & { type: 'SuspendMspMember'; reason?: string };
export type ReactivateMspMember = OnMember & { type: 'ReactivateMspMember' };
export type RemoveMspMember = OnMember & { type: 'RemoveMspMember' };
export type TransferMspOwnership = OnMember & { type: 'TransferMspOwnership' };
/** GDPR Art. 17 for a former member: their personal data becomes unreadable everywhere. */
export type EraseMspMemberPersonalData = OnMember & { type: 'EraseMspMemberPersonalData' };

export type MspCommand =
  | CreateMspAccount
  | InviteMspMember
  | AcceptMspInvitation
  | RevokeMspInvitation
  | ChangeMspMemberRole
  | SuspendMspMember
  | ReactivateMspMember
  | RemoveMspMember
  | TransferMspOwnership
  | EraseMspMemberPersonalData;

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

export const mspStream = (mspId: string) => `msp-${mspId}`;
