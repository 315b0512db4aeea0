import { MspRole } from '../access/roles';
import { MspCategory } from '../catalog/activity-category';
import { because, quote, who } from '../catalog/describe-helpers';
import { DescriberMap, MspAreaDescribers, TargetRef } from '../catalog/event-describer';
import { MspEvent, MspMemberRef } from './msp.events';

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
