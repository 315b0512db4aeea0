import { AreaPrivacy, PersonalField } from '../privacy/personal-data';
import { MspEvent, MspMemberRef } from './msp.events';

const ofRef = (d: MspMemberRef) => d.memberId;
const refFields: readonly PersonalField<MspMemberRef>[] = [
  { path: 'email', kind: 'email', subject: ofRef },
  { path: 'name', kind: 'name', subject: ofRef },
];
const state = { retention: 'state', personal: refFields } as const;

/** What MSP user-management events hold of people: the member they are about; a suspension's reason is its author's. */
export const mspPrivacy: AreaPrivacy<MspEvent> = {
  MspAccountCreated: {
    retention: 'state',
    personal: [
      { path: 'ownerEmail', kind: 'email', subject: (d) => d.ownerMemberId },
      { path: 'ownerName', kind: 'name', subject: (d) => d.ownerMemberId },
    ],
  },
  MspMemberInvited: state,
  MspInvitationAccepted: state,
  MspInvitationRevoked: state,
  MspMemberRoleChanged: state,
  MspMemberSuspended: { retention: 'state', personal: [...refFields, { path: 'reason', kind: 'text', subject: 'actor' }] },
  MspMemberReactivated: state,
  MspMemberRemoved: state,
  MspOwnershipTransferred: {
    retention: 'state',
    personal: [
      { path: 'previousOwner.email', kind: 'email', subject: (d) => d.previousOwner.memberId },
      { path: 'previousOwner.name', kind: 'name', subject: (d) => d.previousOwner.memberId },
      { path: 'newOwner.email', kind: 'email', subject: (d) => d.newOwner.memberId },
      { path: 'newOwner.name', kind: 'name', subject: (d) => d.newOwner.memberId },
    ],
  },
  MspMemberPersonalDataErased: { retention: 'state', personal: [] },
};
