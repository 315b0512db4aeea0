import { Forbidden, InvalidInput, NotFound, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';
import { given } from '../testing/given-when-then';
import { mspDecider as decider } from './msp.decider';
import { MspEvent } from './msp.events';

const mspId = 'msp-1';
const service: Initiator = { memberId: 'signup', role: 'service', mspId };
const owner: Initiator = { memberId: 'm-1', role: 'msp_owner', email: 'olga@msp.test', name: 'Olga', mspId };
const admin: Initiator = { memberId: 'm-2', role: 'msp_admin', email: 'adam@msp.test', name: 'Adam', mspId };
const invitee: Initiator = { memberId: 'm-3', role: 'msp_member', email: 'Ivy@MSP.test', name: 'Ivy', mspId };
const foreign: Initiator = { memberId: 'm-9', role: 'msp_owner', email: 'x@other.test', mspId: 'msp-2' };

const ownerRef = { memberId: 'm-1', email: 'olga@msp.test', name: 'Olga' };
const adamRef = { memberId: 'm-2', email: 'adam@msp.test', name: 'Adam' };
const ivy = { memberId: 'm-3', email: 'ivy@msp.test' };
const ivyRef = { ...ivy, name: 'Ivy' };

const created: MspEvent = {
  type: 'MspAccountCreated',
  data: { mspId, name: 'Acme MSP', ownerMemberId: 'm-1', ownerEmail: 'olga@msp.test', ownerName: 'Olga' },
};
const adamInvited: MspEvent = { type: 'MspMemberInvited', data: { ...adamRef, role: 'msp_admin' } };
const adamAccepted: MspEvent = { type: 'MspInvitationAccepted', data: { ...adamRef, role: 'msp_admin' } };
const ivyInvited: MspEvent = { type: 'MspMemberInvited', data: { ...ivy, role: 'msp_member' } };
const ivyRevoked: MspEvent = { type: 'MspInvitationRevoked', data: { ...ivy, role: 'msp_member' } };
const ivyAccepted: MspEvent = { type: 'MspInvitationAccepted', data: { ...ivyRef, role: 'msp_member' } };
const ivySuspended: MspEvent = { type: 'MspMemberSuspended', data: ivyRef };
const ivyRemoved: MspEvent = { type: 'MspMemberRemoved', data: { ...ivyRef, role: 'msp_member' } };

const withAdam = [created, adamInvited, adamAccepted];
const withIvy = [...withAdam, ivyInvited, ivyAccepted];

describe('MSP decider', () => {
  describe('CreateMspAccount', () => {
    const create = { type: 'CreateMspAccount', mspId, name: 'Acme MSP', ownerMemberId: 'm-1', ownerEmail: 'olga@msp.test', ownerName: 'Olga' } as const;
    it('creates the account with its first owner, in the service token’s MSP', () =>
      given(decider).when({ ...create, by: service }).then([created]));
    it('refuses to create it twice', () =>
      given(decider, [created]).when({ ...create, by: service }).thenRefuses(Refused, /already exists/));
    it('answers not found when the token carries another MSP or none', () => {
      given(decider).when({ ...create, by: { ...service, mspId: 'msp-2' } }).thenRefuses(NotFound);
      given(decider).when({ ...create, by: { memberId: 's', role: 'service' } }).thenRefuses(NotFound);
    });
  });

  describe('InviteMspMember', () => {
    const invite = { type: 'InviteMspMember', mspId, memberId: 'm-3', email: 'ivy@msp.test', role: 'msp_member', by: admin } as const;
    it('invites a new member with a role', () => given(decider, withAdam).when(invite).then([ivyInvited]));
    it('keeps the optional display name', () =>
      given(decider, withAdam).when({ ...invite, name: 'Ivy' })
        .then([{ type: 'MspMemberInvited', data: { ...ivyRef, role: 'msp_member' } }]));
    it('refuses to invite an owner', () =>
      given(decider, withAdam).when({ ...invite, role: 'msp_owner' }).thenRefuses(InvalidInput, /msp_admin or msp_member/));
    it('refuses an email already invited or a member, whatever its case', () => {
      given(decider, [...withAdam, ivyInvited]).when({ ...invite, memberId: 'm-4', email: 'IVY@msp.test' }).thenRefuses(Refused, /already a member or invited/);
      given(decider, withAdam).when({ ...invite, email: 'Adam@MSP.test' }).thenRefuses(Refused, /already a member or invited/);
      given(decider, [...withIvy, ivySuspended]).when({ ...invite, memberId: 'm-4' }).thenRefuses(Refused, /already/);
    });
    it('lets a revoked invitation or a removed member free the email', () => {
      given(decider, [...withAdam, ivyInvited, ivyRevoked]).when({ ...invite, memberId: 'm-4' })
        .then([{ type: 'MspMemberInvited', data: { ...ivy, memberId: 'm-4', role: 'msp_member' } }]);
      given(decider, [...withIvy, ivyRemoved]).when({ ...invite, memberId: 'm-4' })
        .then([{ type: 'MspMemberInvited', data: { ...ivy, memberId: 'm-4', role: 'msp_member' } }]);
    });
    it('refuses a member id already used', () =>
      given(decider, withAdam).when({ ...invite, memberId: 'm-2', email: 'new@msp.test' }).thenRefuses(Refused, /m-2 already exists/));
    it('answers not found for an unknown MSP or another MSP', () => {
      given(decider).when(invite).thenRefuses(NotFound, /msp-1 not found/);
      given(decider, withAdam).when({ ...invite, by: foreign }).thenRefuses(NotFound);
    });
  });

  describe('AcceptMspInvitation', () => {
    const accept = { type: 'AcceptMspInvitation', mspId, memberId: 'm-3', by: invitee } as const;
    it('makes the invitee (matched by email, any case) an active member, named from the token', () =>
      given(decider, [...withAdam, ivyInvited]).when(accept).then([ivyAccepted]));
    it('forbids anyone but the invitee', () =>
      given(decider, [...withAdam, ivyInvited]).when({ ...accept, by: admin }).thenRefuses(Forbidden, /Only the invitee/));
    it('accepts only a pending invitation', () => {
      given(decider, [...withAdam, ivyInvited, ivyRevoked]).when(accept).thenRefuses(Refused, /is revoked and cannot be accepted/);
      given(decider, withIvy).when(accept).thenRefuses(Refused, /is active and cannot be accepted/);
    });
    it('answers not found for an unknown invitation or another MSP', () => {
      given(decider, withAdam).when(accept).thenRefuses(NotFound, /m-3 not found/);
      given(decider, [...withAdam, ivyInvited]).when({ ...accept, by: { ...invitee, mspId: 'msp-2' } }).thenRefuses(NotFound);
    });
  });

  describe('RevokeMspInvitation', () => {
    const revoke = { type: 'RevokeMspInvitation', mspId, memberId: 'm-3', by: admin } as const;
    it('revokes a pending invitation', () => given(decider, [...withAdam, ivyInvited]).when(revoke).then([ivyRevoked]));
    it('revokes only a pending invitation', () => {
      given(decider, [...withAdam, ivyInvited, ivyRevoked]).when(revoke).thenRefuses(Refused, /is revoked and cannot be revoked/);
      given(decider, withIvy).when(revoke).thenRefuses(Refused, /is active/);
    });
    it('answers not found for an unknown invitation or another MSP', () => {
      given(decider, withAdam).when(revoke).thenRefuses(NotFound);
      given(decider, [...withAdam, ivyInvited]).when({ ...revoke, by: foreign }).thenRefuses(NotFound);
    });
  });

  describe('ChangeMspMemberRole', () => {
    const change = { type: 'ChangeMspMemberRole', mspId, memberId: 'm-3', role: 'msp_admin', by: admin } as const;
    it('records the previous and the new role', () =>
      given(decider, withIvy).when(change)
        .then([{ type: 'MspMemberRoleChanged', data: { ...ivyRef, previousRole: 'msp_member', newRole: 'msp_admin' } }]));
    it('changes a suspended member’s role too', () =>
      given(decider, [...withIvy, ivySuspended]).when(change)
        .then([{ type: 'MspMemberRoleChanged', data: { ...ivyRef, previousRole: 'msp_member', newRole: 'msp_admin' } }]));
    it('refuses the same role', () =>
      given(decider, withIvy).when({ ...change, role: 'msp_member' }).thenRefuses(Refused, /already msp_member/));
    it('never touches the owner’s role nor makes a second owner', () => {
      given(decider, withIvy).when({ ...change, memberId: 'm-1' }).thenRefuses(Refused, /owner cannot be given another role/);
      given(decider, withIvy).when({ ...change, role: 'msp_owner' }).thenRefuses(Refused, /ownership transfer/);
    });
    it('refuses a pending invitation', () =>
      given(decider, [...withAdam, ivyInvited]).when(change).thenRefuses(Refused, /is invited/));
    it('answers not found for a removed member or another MSP', () => {
      given(decider, [...withIvy, ivyRemoved]).when(change).thenRefuses(NotFound, /m-3 not found/);
      given(decider, withIvy).when({ ...change, by: foreign }).thenRefuses(NotFound);
    });
  });

  describe('SuspendMspMember and ReactivateMspMember', () => {
    const suspend = { type: 'SuspendMspMember', mspId, memberId: 'm-3', by: admin } as const;
    const reactivate = { type: 'ReactivateMspMember', mspId, memberId: 'm-3', by: admin } as const;
    it('suspends an active member, with a reason', () =>
      given(decider, withIvy).when({ ...suspend, reason: 'left the team' })
        .then([{ type: 'MspMemberSuspended', data: { ...ivyRef, reason: 'left the team' } }]));
    it('suspends only an active member', () => {
      given(decider, [...withIvy, ivySuspended]).when(suspend).thenRefuses(Refused, /is suspended and cannot be suspended/);
      given(decider, [...withAdam, ivyInvited]).when(suspend).thenRefuses(Refused, /is invited/);
    });
    it('never suspends the owner', () =>
      given(decider, withIvy).when({ ...suspend, memberId: 'm-1' }).thenRefuses(Refused, /owner cannot be suspended/));
    it('reactivates a suspended member', () =>
      given(decider, [...withIvy, ivySuspended]).when(reactivate).then([{ type: 'MspMemberReactivated', data: ivyRef }]));
    it('reactivates only a suspended member', () =>
      given(decider, withIvy).when(reactivate).thenRefuses(Refused, /is active and cannot be reactivated/));
    it('answers not found for a removed member or another MSP', () => {
      given(decider, [...withIvy, ivyRemoved]).when(suspend).thenRefuses(NotFound);
      given(decider, [...withIvy, ivySuspended, ivyRemoved]).when(reactivate).thenRefuses(NotFound);
      given(decider, withIvy).when({ ...suspend, by: foreign }).thenRefuses(NotFound);
      given(decider, [...withIvy, ivySuspended]).when({ ...reactivate, by: foreign }).thenRefuses(NotFound);
    });
  });

  describe('RemoveMspMember', () => {
    const remove = { type: 'RemoveMspMember', mspId, memberId: 'm-3', by: admin } as const;
    it('removes an active or a suspended member', () => {
      given(decider, withIvy).when(remove).then([ivyRemoved]);
      given(decider, [...withIvy, ivySuspended]).when(remove).then([ivyRemoved]);
    });
    it('never removes the owner', () =>
      given(decider, withIvy).when({ ...remove, memberId: 'm-1' }).thenRefuses(Refused, /owner cannot be removed/));
    it('refuses a pending invitation (it is revoked instead)', () =>
      given(decider, [...withAdam, ivyInvited]).when(remove).thenRefuses(Refused, /is invited and cannot be removed/));
    it('a removed member is gone', () =>
      given(decider, [...withIvy, ivyRemoved]).when(remove).thenRefuses(NotFound, /m-3 not found/));
    it('answers not found to another MSP', () =>
      given(decider, withIvy).when({ ...remove, by: foreign }).thenRefuses(NotFound));
  });

  describe('TransferMspOwnership', () => {
    const transfer = { type: 'TransferMspOwnership', mspId, memberId: 'm-3', by: owner } as const;
    const transferred: MspEvent = {
      type: 'MspOwnershipTransferred',
      data: { previousOwner: { ...ownerRef, newRole: 'msp_admin' }, newOwner: { ...ivyRef, previousRole: 'msp_member' } },
    };
    it('makes an active member the owner and the previous owner an admin, in one event', () =>
      given(decider, withIvy).when(transfer).then([transferred]));
    it('leaves exactly one owner: the new one transfers next, the old one is an ordinary admin', () => {
      const past = [...withIvy, transferred];
      given(decider, past).when({ ...transfer, memberId: 'm-1', by: owner }).thenRefuses(Forbidden);
      given(decider, past).when({ ...transfer, memberId: 'm-2', by: { ...invitee, role: 'msp_owner' } })
        .then([{ type: 'MspOwnershipTransferred', data: { previousOwner: { ...ivyRef, newRole: 'msp_admin' }, newOwner: { ...adamRef, previousRole: 'msp_admin' } } }]);
      given(decider, past).when({ type: 'SuspendMspMember', mspId, memberId: 'm-1', by: admin })
        .then([{ type: 'MspMemberSuspended', data: ownerRef }]);
      given(decider, past).when({ type: 'RemoveMspMember', mspId, memberId: 'm-3', by: admin }).thenRefuses(Refused, /owner/);
    });
    it('forbids anyone but the current owner', () =>
      given(decider, withIvy).when({ ...transfer, by: { ...admin, role: 'msp_owner' } }).thenRefuses(Forbidden, /Only the current owner/));
    it('transfers only to an active member', () => {
      given(decider, [...withIvy, ivySuspended]).when(transfer).thenRefuses(Refused, /is suspended and cannot be made owner/);
      given(decider, [...withAdam, ivyInvited]).when(transfer).thenRefuses(Refused, /is invited/);
      given(decider, withIvy).when({ ...transfer, memberId: 'm-1' }).thenRefuses(Refused, /already the owner/);
    });
    it('answers not found for a removed member or another MSP', () => {
      given(decider, [...withIvy, ivyRemoved]).when(transfer).thenRefuses(NotFound);
      given(decider, withIvy).when({ ...transfer, by: { ...foreign, memberId: 'm-1' } }).thenRefuses(NotFound);
    });
  });

  describe('EraseMspMemberPersonalData', () => {
    const erase = { type: 'EraseMspMemberPersonalData', mspId, memberId: 'm-3', by: owner } as const;
    const ivyErased: MspEvent = { type: 'MspMemberPersonalDataErased', data: { memberId: 'm-3' } };
    it('erases a removed member, or one whose invitation was revoked, with no personal data in the event', () => {
      given(decider, [...withIvy, ivyRemoved]).when(erase).then([ivyErased]);
      given(decider, [...withAdam, ivyInvited, ivyRevoked]).when(erase).then([ivyErased]);
    });
    it('erases once, and the member then holds no email', () => {
      given(decider, [...withIvy, ivyRemoved, ivyErased]).when(erase).thenRefuses(Refused, /already erased/);
      given(decider, [...withIvy, ivyRemoved, ivyErased]).when({ type: 'InviteMspMember', mspId, memberId: 'm-5', email: 'ivy@msp.test', role: 'msp_member', by: admin })
        .then([{ type: 'MspMemberInvited', data: { memberId: 'm-5', email: 'ivy@msp.test', role: 'msp_member' } }]);
    });
    it('refuses a member still on the list, naming them by id only', () => {
      given(decider, withIvy).when(erase).thenRefuses(Refused, /Member m-3 is active: remove the member/);
      given(decider, [...withAdam, ivyInvited]).when(erase).thenRefuses(Refused, /is invited/);
      given(decider, withIvy).when({ ...erase, memberId: 'm-1' }).thenRefuses(Refused, /m-1 is active/);
    });
    it('answers not found for an unknown member or another MSP', () => {
      given(decider, withIvy).when({ ...erase, memberId: 'm-7' }).thenRefuses(NotFound);
      given(decider, [...withIvy, ivyRemoved]).when({ ...erase, by: foreign }).thenRefuses(NotFound);
    });
  });
});
