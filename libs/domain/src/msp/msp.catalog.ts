import { MspRole } from '../access/roles';
import { MspCategory } from '../catalog/activity-category';
import { because, quote, who } from '../catalog/describe-helpers';
import { AreaExamples } from '../catalog/catalog-example';
import { DescriberMap, MspAreaDescribers, TargetRef } from '../catalog/event-describer';
import { MspEvent, MspMemberRef } from './msp.events';
import { AreaPrivacy, PersonalField } from '../privacy/personal-data';

const ROLE_LABELS: Record<MspRole, string> = { msp_owner: 'owner', msp_admin: 'admin', msp_member: 'member' };

/** An invitation names the email it was sent to, with the name when one was given. */
const invitee = (member: MspMemberRef) => (member.name ? `${member.name} (${member.email})` : member.email);
const memberTarget = (member: MspMemberRef): TargetRef => ({ type: 'member', id: member.memberId, name: who(member) });

/** How MSP account and MSP user-management events read in the Activity Log. */
const describers: MspAreaDescribers<MspEvent> = {
  MspAccountCreated: {
    category: 'MSP Access',
    action: 'Created MSP account',
    target: (d) => ({ type: 'msp', id: d.mspId, name: d.name }),
    summary: (d, v) =>
      `${v.initiatorName} created MSP account ${quote(d.name)} with owner ${d.ownerName || d.ownerEmail}`,
  },
  MspMemberInvited: {
    category: 'MSP User Management',
    action: 'Invited member',
    target: memberTarget,
    summary: (d, v) => `${v.initiatorName} invited ${invitee(d)} as ${ROLE_LABELS[d.role]}`,
  },
  MspInvitationAccepted: {
    category: 'MSP User Management',
    action: 'Accepted invitation',
    target: memberTarget,
    summary: (d, v) => `${v.initiatorName} accepted the invitation to join as ${ROLE_LABELS[d.role]}`,
  },
  MspInvitationRevoked: {
    category: 'MSP User Management',
    action: 'Revoked invitation',
    target: memberTarget,
    summary: (d, v) => `${v.initiatorName} revoked the invitation of ${invitee(d)} as ${ROLE_LABELS[d.role]}`,
  },
  MspMemberRoleChanged: {
    category: 'MSP User Management',
    action: 'Changed member role',
    target: memberTarget,
    summary: (d, v) =>
      `${v.initiatorName} changed the role of ${who(d)} from ${ROLE_LABELS[d.previousRole]} to ${ROLE_LABELS[d.newRole]}`,
  },
  MspMemberSuspended: {
    category: 'MSP User Management',
    action: 'Suspended member',
    target: memberTarget,
    summary: (d, v) => `${v.initiatorName} suspended ${who(d)}${because(d.reason)}`,
  },
  MspMemberReactivated: {
    category: 'MSP User Management',
    action: 'Reactivated member',
    target: memberTarget,
    summary: (d, v) => `${v.initiatorName} reactivated ${who(d)}`,
  },
  MspMemberRemoved: {
    category: 'MSP User Management',
    action: 'Removed member',
    target: memberTarget,
    summary: (d, v) => `${v.initiatorName} removed ${who(d)} (${ROLE_LABELS[d.role]})`,
  },
  MspOwnershipTransferred: {
    category: 'MSP User Management',
    action: 'Transferred ownership',
    target: (d) => memberTarget(d.newOwner),
    // Only the owner transfers ownership: the initiator is the previous owner, now an admin.
    summary: (d, v) => `${v.initiatorName} transferred MSP ownership to ${who(d.newOwner)}`,
  },
  MspMemberPersonalDataErased: {
    category: 'MSP User Management',
    action: 'Erased personal data',
    // The event holds no name: the member's other entries show their pseudonym from now on.
    target: (d) => ({ type: 'member', id: d.memberId, name: null }),
    summary: (d, v) => `${v.initiatorName} erased the personal data of member ${d.memberId}`,
  },
};

export const mspDescribers: DescriberMap<MspCategory> = describers;

const bob = { memberId: 'm-bob', email: 'bob@acme.test', name: 'Bob Stone' };

/** A realistic instance of each event and what a reader with generic item details must never see of it. */
export const mspExamples: AreaExamples<MspEvent> = {
  MspAccountCreated: { data: { mspId: 'msp-1', name: 'Northwind IT', ownerMemberId: 'm-ann', ownerEmail: 'ann@northwind.example', ownerName: 'Ann Lee' }, hidden: [] },
  MspMemberInvited: { data: { ...bob, role: 'msp_admin' }, hidden: [] },
  MspInvitationAccepted: { data: { ...bob, role: 'msp_member' }, hidden: [] },
  MspInvitationRevoked: { data: { ...bob, role: 'msp_member' }, hidden: [] },
  MspMemberRoleChanged: { data: { ...bob, previousRole: 'msp_member', newRole: 'msp_admin' }, hidden: [] },
  MspMemberSuspended: { data: { ...bob, reason: 'Left the company' }, hidden: [] },
  MspMemberReactivated: { data: bob, hidden: [] },
  MspMemberRemoved: { data: { ...bob, role: 'msp_admin' }, hidden: [] },
  MspOwnershipTransferred: {
    data: {
      previousOwner: { memberId: 'm-ann', email: 'ann@northwind.example', name: 'Ann Lee', newRole: 'msp_admin' },
      newOwner: { ...bob, previousRole: 'msp_admin' },
    },
    hidden: [],
  },
  MspMemberPersonalDataErased: { data: { memberId: 'm-bob' }, hidden: [] },
};

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
