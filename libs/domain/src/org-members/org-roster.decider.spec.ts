import { Forbidden, NotFound, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';
import { given } from '../testing/given-when-then';
import { orgRosterDecider as decider } from './org-roster.decider';
import { MemberInvited, OrgRosterEvent } from './org-roster.events';

const orgId = 'org-1';
const service: Initiator = { memberId: 'svc-provisioning', role: 'service', orgId };
const owner: Initiator = { memberId: 'm-1', role: 'org_owner', email: 'olive@acme.test', orgId };
const admin: Initiator = { memberId: 'm-2', role: 'org_admin', email: 'adam@acme.test', orgId };
const stranger: Initiator = { memberId: 'm-9', role: 'org_owner', email: 'x@other.test', orgId: 'org-2' };
const invitee = (email: string, name?: string): Initiator => ({ memberId: 'tmp', role: 'org_member', email, name, orgId });

type Entry = MemberInvited['data'];

const olive: Entry = { orgId, memberId: 'm-1', email: 'olive@acme.test', role: 'org_owner' };
const adam: Entry = { orgId, memberId: 'm-2', email: 'adam@acme.test', role: 'org_admin' };
const mia: Entry = { orgId, memberId: 'm-3', email: 'Mia@acme.test', name: 'Mia', role: 'org_member' };
const otto: Entry = { orgId, memberId: 'm-4', email: 'otto@acme.test', role: 'org_owner' };

const invited = (m: Entry): OrgRosterEvent => ({ type: 'MemberInvited', data: m });
const accepted = (m: Entry): OrgRosterEvent => ({ type: 'MemberInvitationAccepted', data: m });
const joined = (m: Entry) => [invited(m), accepted(m)];
const suspended = (m: Entry): OrgRosterEvent => ({ type: 'MemberSuspended', data: m });

const seeded = [...joined(olive), ...joined(adam)];
const withMia = [...seeded, ...joined(mia)];
const twoOwners = [...withMia, ...joined(otto)];

describe('Organization roster decider', () => {
  describe('InviteMember', () => {
    it('lets the provisioning service seed the first owner of an empty roster', () =>
      given(decider).when({ type: 'InviteMember', memberId: 'm-1', email: 'olive@acme.test', role: 'org_owner', by: service })
        .then([invited(olive)]));
    it('refuses the service a second owner once one is active', () =>
      given(decider, seeded).when({ type: 'InviteMember', memberId: 'm-5', email: 'z@acme.test', role: 'org_owner', by: service })
        .thenRefuses(Refused, /already has an owner/));
    it('forbids the service to invite anyone but the first owner', () =>
      given(decider).when({ type: 'InviteMember', memberId: 'm-5', email: 'z@acme.test', role: 'org_admin', by: service })
        .thenRefuses(Forbidden, /first owner/));
    it('lets an admin invite a member, with a display name', () =>
      given(decider, seeded).when({ type: 'InviteMember', memberId: 'm-3', email: 'Mia@acme.test', name: 'Mia', role: 'org_member', by: admin })
        .then([invited(mia)]));
    it('lets an owner invite another owner', () =>
      given(decider, seeded).when({ type: 'InviteMember', memberId: 'm-4', email: 'otto@acme.test', role: 'org_owner', by: owner })
        .then([invited(otto)]));
    it('forbids an admin to invite an owner', () =>
      given(decider, seeded).when({ type: 'InviteMember', memberId: 'm-4', email: 'otto@acme.test', role: 'org_owner', by: admin })
        .thenRefuses(Forbidden, /Only an owner/));
    it('refuses an email already invited, whatever its case', () =>
      given(decider, [...seeded, invited(mia)]).when({ type: 'InviteMember', memberId: 'm-5', email: 'MIA@ACME.TEST', role: 'org_member', by: admin })
        .thenRefuses(Refused, /already a member or invited/));
    it('refuses the email of an active member', () =>
      given(decider, seeded).when({ type: 'InviteMember', memberId: 'm-5', email: 'Adam@acme.test', role: 'org_member', by: owner })
        .thenRefuses(Refused, /already a member/));
    it('refuses the email of a suspended member', () =>
      given(decider, [...withMia, suspended(mia)]).when({ type: 'InviteMember', memberId: 'm-5', email: 'mia@acme.test', role: 'org_member', by: owner })
        .thenRefuses(Refused, /already a member/));
    it('invites again an email whose invitation was declined or who was removed', () => {
      const past: OrgRosterEvent[][] = [
        [...seeded, invited(mia), { type: 'MemberInvitationDeclined', data: mia }],
        [...withMia, { type: 'MemberRemoved', data: mia }],
      ];
      for (const events of past) {
        given(decider, events).when({ type: 'InviteMember', memberId: 'm-5', email: 'mia@acme.test', role: 'org_member', by: admin })
          .then([{ type: 'MemberInvited', data: { orgId, memberId: 'm-5', email: 'mia@acme.test', role: 'org_member' } }]);
      }
    });
    it('refuses a member id already used', () =>
      given(decider, seeded).when({ type: 'InviteMember', memberId: 'm-2', email: 'new@acme.test', role: 'org_member', by: owner })
        .thenRefuses(Refused, /m-2 already exists/));
    it('answers not found to another organization', () =>
      given(decider, seeded).when({ type: 'InviteMember', memberId: 'm-5', email: 'z@acme.test', role: 'org_member', by: stranger })
        .thenRefuses(NotFound));
    it('answers not found to an initiator without an organization', () =>
      given(decider).when({ type: 'InviteMember', memberId: 'm-5', email: 'z@acme.test', role: 'org_owner', by: { memberId: 'x', role: 'service' } })
        .thenRefuses(NotFound));
  });

  describe('AcceptMemberInvitation and DeclineMemberInvitation', () => {
    const pending = [...seeded, invited(mia)];
    it('lets the invitee accept, taking the name from the token', () =>
      given(decider, pending).when({ type: 'AcceptMemberInvitation', memberId: 'm-3', by: invitee('mia@ACME.test', 'Mia M.') })
        .then([{ type: 'MemberInvitationAccepted', data: { ...mia, name: 'Mia M.' } }]));
    it('lets the invitee decline', () =>
      given(decider, pending).when({ type: 'DeclineMemberInvitation', memberId: 'm-3', by: invitee('mia@acme.test') })
        .then([{ type: 'MemberInvitationDeclined', data: mia }]));
    it('forbids anyone but the invitee to answer', () => {
      for (const type of ['AcceptMemberInvitation', 'DeclineMemberInvitation'] as const) {
        given(decider, pending).when({ type, memberId: 'm-3', by: owner }).thenRefuses(Forbidden, /Only the invitee/);
      }
    });
    it('refuses to answer an invitation that is no longer pending', () => {
      const answered = [[...withMia], [...pending, { type: 'MemberInvitationDeclined', data: mia } as OrgRosterEvent]];
      for (const past of answered) {
        for (const type of ['AcceptMemberInvitation', 'DeclineMemberInvitation'] as const) {
          given(decider, past).when({ type, memberId: 'm-3', by: invitee('mia@acme.test') }).thenRefuses(Refused, /not pending/);
        }
      }
    });
    it('answers not found for an unknown invitation', () =>
      given(decider, seeded).when({ type: 'AcceptMemberInvitation', memberId: 'm-7', by: invitee('mia@acme.test') }).thenRefuses(NotFound, /m-7 not found/));
  });

  describe('ChangeMemberRole', () => {
    it('lets an admin promote a member to admin', () =>
      given(decider, withMia).when({ type: 'ChangeMemberRole', memberId: 'm-3', role: 'org_admin', by: admin })
        .then([{ type: 'MemberRoleChanged', data: { orgId, memberId: 'm-3', email: 'Mia@acme.test', name: 'Mia', previousRole: 'org_member', newRole: 'org_admin' } }]));
    it('lets an owner make an owner', () =>
      given(decider, withMia).when({ type: 'ChangeMemberRole', memberId: 'm-3', role: 'org_owner', by: owner })
        .then([{ type: 'MemberRoleChanged', data: { orgId, memberId: 'm-3', email: 'Mia@acme.test', name: 'Mia', previousRole: 'org_member', newRole: 'org_owner' } }]));
    it('forbids an admin to make an owner or to demote one', () => {
      given(decider, withMia).when({ type: 'ChangeMemberRole', memberId: 'm-3', role: 'org_owner', by: admin }).thenRefuses(Forbidden);
      given(decider, twoOwners).when({ type: 'ChangeMemberRole', memberId: 'm-4', role: 'org_member', by: admin }).thenRefuses(Forbidden);
    });
    it('lets an owner demote another owner', () =>
      given(decider, twoOwners).when({ type: 'ChangeMemberRole', memberId: 'm-4', role: 'org_admin', by: owner })
        .then([{ type: 'MemberRoleChanged', data: { orgId, memberId: 'm-4', email: 'otto@acme.test', previousRole: 'org_owner', newRole: 'org_admin' } }]));
    it('refuses to demote the last active owner', () =>
      given(decider, withMia).when({ type: 'ChangeMemberRole', memberId: 'm-1', role: 'org_admin', by: owner }).thenRefuses(Refused, /last active owner/));
    it('refuses the role the member already has', () =>
      given(decider, withMia).when({ type: 'ChangeMemberRole', memberId: 'm-3', role: 'org_member', by: admin }).thenRefuses(Refused, /already org_member/));
    it('refuses to change the role of a pending invitation', () =>
      given(decider, [...seeded, invited(mia)]).when({ type: 'ChangeMemberRole', memberId: 'm-3', role: 'org_admin', by: admin }).thenRefuses(Refused, /pending/));
    it('answers not found to another organization', () =>
      given(decider, withMia).when({ type: 'ChangeMemberRole', memberId: 'm-3', role: 'org_admin', by: stranger }).thenRefuses(NotFound));
  });

  describe('SuspendMember and ReactivateMember', () => {
    it('suspends an active member, with a reason', () =>
      given(decider, withMia).when({ type: 'SuspendMember', memberId: 'm-3', reason: 'left the team', by: admin })
        .then([{ type: 'MemberSuspended', data: { ...mia, reason: 'left the team' } }]));
    it('refuses to suspend a member who is not active', () => {
      given(decider, [...withMia, suspended(mia)]).when({ type: 'SuspendMember', memberId: 'm-3', by: admin }).thenRefuses(Refused, /is suspended/);
      given(decider, [...seeded, invited(mia)]).when({ type: 'SuspendMember', memberId: 'm-3', by: admin }).thenRefuses(Refused, /is pending/);
    });
    it('forbids an admin to suspend an owner', () =>
      given(decider, twoOwners).when({ type: 'SuspendMember', memberId: 'm-4', by: admin }).thenRefuses(Forbidden));
    it('lets an owner suspend another owner but never the last active one', () => {
      given(decider, twoOwners).when({ type: 'SuspendMember', memberId: 'm-4', by: owner }).then([suspended(otto)]);
      given(decider, [...twoOwners, suspended(otto)]).when({ type: 'SuspendMember', memberId: 'm-1', by: owner }).thenRefuses(Refused, /last active owner/);
    });
    it('reactivates a suspended member', () =>
      given(decider, [...withMia, suspended(mia)]).when({ type: 'ReactivateMember', memberId: 'm-3', by: admin })
        .then([{ type: 'MemberReactivated', data: mia }]));
    it('refuses to reactivate an active member', () =>
      given(decider, withMia).when({ type: 'ReactivateMember', memberId: 'm-3', by: admin }).thenRefuses(Refused, /is active and cannot be reactivated/));
    it('forbids an admin to reactivate an owner', () =>
      given(decider, [...twoOwners, suspended(otto)]).when({ type: 'ReactivateMember', memberId: 'm-4', by: admin }).thenRefuses(Forbidden));
    it('answers not found to another organization', () =>
      given(decider, [...withMia, suspended(mia)]).when({ type: 'ReactivateMember', memberId: 'm-3', by: stranger }).thenRefuses(NotFound));
  });

  describe('RemoveMember', () => {
    it('removes a member, who is not found afterwards', () => {
      const removed: OrgRosterEvent = { type: 'MemberRemoved', data: mia };
      given(decider, withMia).when({ type: 'RemoveMember', memberId: 'm-3', by: admin }).then([removed]);
      for (const type of ['RemoveMember', 'SuspendMember', 'ReactivateMember', 'AcceptMemberInvitation'] as const) {
        given(decider, [...withMia, removed]).when({ type, memberId: 'm-3', by: admin }).thenRefuses(NotFound, /m-3 not found/);
      }
    });
    it('revokes a pending invitation by removing it', () =>
      given(decider, [...seeded, invited(mia)]).when({ type: 'RemoveMember', memberId: 'm-3', by: admin }).then([{ type: 'MemberRemoved', data: mia }]));
    it('refuses to remove a declined invitation', () =>
      given(decider, [...seeded, invited(mia), { type: 'MemberInvitationDeclined', data: mia }]).when({ type: 'RemoveMember', memberId: 'm-3', by: admin })
        .thenRefuses(Refused, /declined/));
    it('forbids an admin to remove an owner', () =>
      given(decider, twoOwners).when({ type: 'RemoveMember', memberId: 'm-4', by: admin }).thenRefuses(Forbidden));
    it('refuses to remove the last active owner', () =>
      given(decider, withMia).when({ type: 'RemoveMember', memberId: 'm-1', by: owner }).thenRefuses(Refused, /last active owner/));
    it('answers not found for an unknown member and to another organization', () => {
      given(decider).when({ type: 'RemoveMember', memberId: 'm-3', by: owner }).thenRefuses(NotFound);
      given(decider, withMia).when({ type: 'RemoveMember', memberId: 'm-3', by: stranger }).thenRefuses(NotFound);
    });
  });

  describe('EraseMemberPersonalData', () => {
    const erase = { type: 'EraseMemberPersonalData', memberId: 'm-3', by: owner } as const;
    const miaErased: OrgRosterEvent = { type: 'MemberPersonalDataErased', data: { orgId, memberId: 'm-3' } };
    const removed: OrgRosterEvent = { type: 'MemberRemoved', data: mia };
    it('erases a removed member, or one who declined, with no personal data in the event', () => {
      given(decider, [...withMia, removed]).when(erase).then([miaErased]);
      given(decider, [...seeded, invited(mia), { type: 'MemberInvitationDeclined', data: mia }]).when(erase).then([miaErased]);
    });
    it('erases once; the email is then free for a new invitation', () => {
      given(decider, [...withMia, removed, miaErased]).when(erase).thenRefuses(Refused, /already erased/);
      given(decider, [...seeded, invited(mia), { type: 'MemberInvitationDeclined', data: mia }, miaErased]).when(erase).thenRefuses(Refused, /already erased/);
      given(decider, [...withMia, removed, miaErased]).when({ type: 'InviteMember', memberId: 'm-5', email: 'mia@acme.test', role: 'org_member', by: admin })
        .then([invited({ orgId, memberId: 'm-5', email: 'mia@acme.test', role: 'org_member' })]);
    });
    it('refuses a member still on the roster, naming them by id only', () => {
      given(decider, withMia).when(erase).thenRefuses(Refused, /Member m-3 is active: remove the member/);
      given(decider, [...seeded, invited(mia)]).when(erase).thenRefuses(Refused, /is pending/);
    });
    it('answers not found for an unknown member or another organization', () => {
      given(decider, withMia).when({ ...erase, memberId: 'm-7' }).thenRefuses(NotFound);
      given(decider, [...withMia, removed]).when({ ...erase, by: stranger }).thenRefuses(NotFound);
    });
  });
});
