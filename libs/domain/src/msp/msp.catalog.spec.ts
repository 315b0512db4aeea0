import { areaViews, Cases, describeAreaDescribers } from '../testing/describer-cases';
import { mspDescribers } from './msp.catalog';
import { MspEvent } from './msp.events';

const owner = { view: areaViews().ownerView };

const bob = { memberId: 'mem-bob', email: 'bob@northwind.example', name: 'Bob Stone' };
const cara = { memberId: 'mem-cara', email: 'cara@northwind.example' };

const cases: Cases<MspEvent> = {
  MspAccountCreated: {
    data: {
      mspId: 'msp-1',
      name: 'Northwind IT',
      ownerMemberId: 'mem-ann',
      ownerEmail: 'ann@northwind.example',
      ownerName: 'Ann Lee',
    },
    action: 'Created MSP account',
    target: { type: 'msp', id: 'msp-1', name: 'Northwind IT' },
    summary: "Ann Lee created MSP account 'Northwind IT' with owner Ann Lee",
  },
  MspMemberInvited: {
    data: { ...cara, role: 'msp_admin' },
    action: 'Invited member',
    target: { type: 'member', id: 'mem-cara', name: 'cara@northwind.example' },
    summary: 'Ann Lee invited cara@northwind.example as admin',
  },
  MspInvitationAccepted: {
    data: { ...bob, role: 'msp_member' },
    action: 'Accepted invitation',
    target: { type: 'member', id: 'mem-bob', name: 'Bob Stone' },
    summary: 'Ann Lee accepted the invitation to join as member',
  },
  MspInvitationRevoked: {
    data: { ...cara, role: 'msp_member' },
    action: 'Revoked invitation',
    target: { type: 'member', id: 'mem-cara', name: 'cara@northwind.example' },
    summary: 'Ann Lee revoked the invitation of cara@northwind.example as member',
  },
  MspMemberRoleChanged: {
    data: { ...bob, previousRole: 'msp_member', newRole: 'msp_admin' },
    action: 'Changed member role',
    target: { type: 'member', id: 'mem-bob', name: 'Bob Stone' },
    summary: 'Ann Lee changed the role of Bob Stone from member to admin',
  },
  MspMemberSuspended: {
    data: { ...bob, reason: 'Left the company' },
    action: 'Suspended member',
    target: { type: 'member', id: 'mem-bob', name: 'Bob Stone' },
    summary: 'Ann Lee suspended Bob Stone (reason: Left the company)',
  },
  MspMemberReactivated: {
    data: bob,
    action: 'Reactivated member',
    target: { type: 'member', id: 'mem-bob', name: 'Bob Stone' },
    summary: 'Ann Lee reactivated Bob Stone',
  },
  MspMemberRemoved: {
    data: { ...cara, role: 'msp_admin' },
    action: 'Removed member',
    target: { type: 'member', id: 'mem-cara', name: 'cara@northwind.example' },
    summary: 'Ann Lee removed cara@northwind.example (admin)',
  },
  MspOwnershipTransferred: {
    data: {
      previousOwner: { memberId: 'mem-ann', email: 'ann@northwind.example', name: 'Ann Lee', newRole: 'msp_admin' },
      newOwner: { ...bob, previousRole: 'msp_admin' },
    },
    action: 'Transferred ownership',
    target: { type: 'member', id: 'mem-bob', name: 'Bob Stone' },
    summary: 'Ann Lee transferred MSP ownership to Bob Stone',
  },
  MspMemberPersonalDataErased: {
    data: { memberId: 'mem-bob' },
    action: 'Erased personal data',
    target: { type: 'member', id: 'mem-bob', name: null },
    summary: 'Ann Lee erased the personal data of member mem-bob',
  },
};

describe('MSP describers', () => {
  describeAreaDescribers(mspDescribers, cases);

  it('leaves the reason out when a member is suspended without one', () => {
    expect(mspDescribers.MspMemberSuspended.summary(bob, owner.view)).toBe('Ann Lee suspended Bob Stone');
  });

  it('cuts a long reason short', () => {
    const summary = mspDescribers.MspMemberSuspended.summary({ ...bob, reason: 'x'.repeat(300) }, owner.view);
    expect(summary).toBe(`Ann Lee suspended Bob Stone (reason: ${'x'.repeat(79)}…)`);
  });

  it('names an invitee with both name and email when the invitation gave a name', () => {
    expect(mspDescribers.MspMemberInvited.summary({ ...bob, role: 'msp_member' }, owner.view)).toBe(
      'Ann Lee invited Bob Stone (bob@northwind.example) as member',
    );
    expect(mspDescribers.MspInvitationRevoked.summary({ ...bob, role: 'msp_admin' }, owner.view)).toBe(
      'Ann Lee revoked the invitation of Bob Stone (bob@northwind.example) as admin',
    );
  });

  it('falls back to the email of an owner with an empty name', () => {
    const data = {
      mspId: 'msp-1',
      name: 'Northwind IT',
      ownerMemberId: 'mem-ann',
      ownerEmail: 'ann@northwind.example',
      ownerName: '',
    };
    expect(mspDescribers.MspAccountCreated.summary(data, { redact: false, initiatorName: 'Signup service' })).toBe(
      "Signup service created MSP account 'Northwind IT' with owner ann@northwind.example",
    );
  });
});
