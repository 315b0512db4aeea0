import { MspRole } from '../access/roles';
import { DomainEvent } from '../shared/decider';

/** Who an event is about, with what the activity log needs to display them. */
export type MspMemberRef = { memberId: string; email: string; name?: string };

export type MspAccountCreated = DomainEvent<
  'MspAccountCreated',
  { mspId: string; name: string; ownerMemberId: string; ownerEmail: string; ownerName: string }
>;
export type MspMemberInvited = DomainEvent<'MspMemberInvited', MspMemberRef & { role: MspRole }>;
export type MspInvitationAccepted = DomainEvent<'MspInvitationAccepted', MspMemberRef & { role: MspRole }>;
export type MspInvitationRevoked = DomainEvent<'MspInvitationRevoked', MspMemberRef & { role: MspRole }>;
export type MspMemberRoleChanged = DomainEvent<
  'MspMemberRoleChanged',
  MspMemberRef & { previousRole: MspRole; newRole: MspRole }
>;
export type MspMemberSuspended = DomainEvent<'MspMemberSuspended', MspMemberRef & { reason?: string }>;
export type MspMemberReactivated = DomainEvent<'MspMemberReactivated', MspMemberRef>;
export type MspMemberRemoved = DomainEvent<'MspMemberRemoved', MspMemberRef & { role: MspRole }>;
export type MspOwnershipTransferred = DomainEvent<
  'MspOwnershipTransferred',
  {
    previousOwner: MspMemberRef & { newRole: 'msp_admin' };
    newOwner: MspMemberRef & { previousRole: MspRole };
  }
>;
/** The member's personal data was erased: their key is deleted, so every copy reads as a pseudonym. No personal data inside. */
export type MspMemberPersonalDataErased = DomainEvent<'MspMemberPersonalDataErased', { memberId: string }>;

export type MspEvent =
  | MspAccountCreated
  | MspMemberInvited
  | MspInvitationAccepted
  | MspInvitationRevoked
  | MspMemberRoleChanged
  | MspMemberSuspended
  | MspMemberReactivated
  | MspMemberRemoved
  | MspOwnershipTransferred
  | MspMemberPersonalDataErased;
