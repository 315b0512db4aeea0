import { OnBehalfOf, TargetRef } from '../catalog/event-describer';
import { OrgMemberAccessEvent } from './org-member-access.events';
import { orgMembersDescribers } from './org-members.catalog';
import { OrgRosterEvent } from './org-roster.events';

type Event = OrgRosterEvent | OrgMemberAccessEvent;
interface Case {
  event: Event;
  action: string;
  target: TargetRef;
  summary: string;
  /** Who the entry names as initiator: Ann, an admin, unless the member acted on their own account. */
  by?: string;
  initiator?: OnBehalfOf;
}

const orgId = 'org-1';
const bob = { orgId, memberId: 'm-bob', email: 'bob@acme.test', name: 'Bob Stone' };
const bobTarget: TargetRef = { type: 'member', id: 'm-bob', name: 'Bob Stone' };
const bobInitiator = { id: 'm-bob', email: 'bob@acme.test', name: 'Bob Stone', client: { ip: null, userAgent: null } };
/** As the sign-in service recorded it: the member's own client. */
const bobClient = { ip: '2001:db8::7', userAgent: 'Firefox/128' };

const cases: Case[] = [
  {
    event: { type: 'MemberInvited', data: { ...bob, role: 'org_admin' } },
    action: 'Invited member',
    target: bobTarget,
    summary: 'Ann invited Bob Stone (bob@acme.test) as admin',
  },
  {
    event: { type: 'MemberInvitationAccepted', data: { ...bob, role: 'org_member' } },
    action: 'Accepted invitation',
    target: bobTarget,
    by: 'Bob Stone',
    summary: 'Bob Stone accepted the invitation to join as member',
  },
  {
    event: { type: 'MemberInvitationDeclined', data: { ...bob, role: 'org_member' } },
    action: 'Declined invitation',
    target: bobTarget,
    by: 'Bob Stone',
    summary: 'Bob Stone declined the invitation to join as member',
  },
  {
    event: { type: 'MemberRoleChanged', data: { ...bob, previousRole: 'org_member', newRole: 'org_owner' } },
    action: 'Changed member role',
    target: bobTarget,
    summary: 'Ann changed the role of Bob Stone from member to owner',
  },
  {
    event: { type: 'MemberSuspended', data: { ...bob, role: 'org_member', reason: 'Left the company' } },
    action: 'Suspended member',
    target: bobTarget,
    summary: 'Ann suspended Bob Stone (reason: Left the company)',
  },
  {
    event: { type: 'MemberReactivated', data: { ...bob, role: 'org_member' } },
    action: 'Reactivated member',
    target: bobTarget,
    summary: 'Ann reactivated Bob Stone',
  },
  {
    event: { type: 'MemberRemoved', data: { ...bob, role: 'org_admin' } },
    action: 'Removed member',
    target: bobTarget,
    summary: 'Ann removed Bob Stone (admin)',
  },
  {
    event: { type: 'MemberPersonalDataErased', data: { orgId: bob.orgId, memberId: bob.memberId } },
    action: 'Erased personal data',
    target: { type: 'member', id: bob.memberId, name: null },
    summary: `Ann erased the personal data of member ${bob.memberId}`,
  },
  {
    event: { type: 'AdminPanelAccessed', data: bob },
    action: 'Accessed admin panel',
    target: bobTarget,
    initiator: bobInitiator,
    by: 'Bob Stone',
    summary: 'Bob Stone accessed the admin panel',
  },
  {
    event: { type: 'VaultAccessed', data: { ...bob, vaultId: 'v-1', vaultName: 'Shared' } },
    action: 'Accessed vault',
    target: bobTarget,
    initiator: bobInitiator,
    by: 'Bob Stone',
    summary: "Bob Stone accessed vault 'Shared'",
  },
  {
    event: { type: 'MemberSignInSucceeded', data: { ...bob, ...bobClient } },
    action: 'Signed in',
    target: bobTarget,
    initiator: { ...bobInitiator, client: bobClient },
    by: 'Bob Stone',
    summary: 'Bob Stone signed in',
  },
  {
    event: { type: 'MemberSignInFailed', data: { ...bob, ...bobClient, reason: 'wrong_mfa_code' } },
    action: 'Failed to sign in',
    target: bobTarget,
    initiator: { ...bobInitiator, client: bobClient },
    by: 'Bob Stone',
    summary: 'Bob Stone failed to sign in (wrong two-factor code)',
  },
  {
    event: { type: 'MemberMfaEnabled', data: bob },
    action: 'Enabled two-factor authentication',
    target: bobTarget,
    by: 'Bob Stone',
    summary: 'Bob Stone enabled two-factor authentication',
  },
  {
    event: { type: 'MemberMfaDisabled', data: bob },
    action: 'Disabled two-factor authentication',
    target: bobTarget,
    by: 'Bob Stone',
    summary: 'Bob Stone disabled two-factor authentication',
  },
];

describe('org-members describers', () => {
  it('describe every event type of the area, and only those', () => {
    expect(cases.map((c) => c.event.type).sort()).toEqual(Object.keys(orgMembersDescribers).sort());
  });

  it.each(cases.map((c) => [c.event.type, c] as const))('%s', (_type, c) => {
    const describer = orgMembersDescribers[c.event.type];
    expect(describer.action).toBe(c.action);
    expect(describer.target(c.event.data)).toEqual(c.target);
    expect(describer.item?.(c.event.data) ?? null).toBeNull();
    expect(describer.initiator?.(c.event.data)).toEqual(c.initiator);
    expect(describer.summary(c.event.data, { redact: false, initiatorName: c.by ?? 'Ann' })).toBe(c.summary);
    // Nothing here is vault content: admins read the same sentence.
    expect(describer.summary(c.event.data, { redact: true, initiatorName: c.by ?? 'Ann' })).toBe(c.summary);
  });

  describe('without optional data', () => {
    const noName = { orgId, memberId: 'm-eve', email: 'eve@acme.test' };

    it('names a member by email when the name is unknown', () => {
      const d = orgMembersDescribers.MemberInvited;
      const data = { ...noName, role: 'org_member' };
      expect(d.target(data)).toEqual({ type: 'member', id: 'm-eve', name: 'eve@acme.test' });
      expect(d.summary(data, { redact: false, initiatorName: 'Ann' })).toBe('Ann invited eve@acme.test as member');
      expect(orgMembersDescribers.MemberSignInSucceeded.initiator?.(noName)).toEqual({
        id: 'm-eve',
        email: 'eve@acme.test',
        name: null,
        client: { ip: null, userAgent: null },
      });
    });

    it('says "the vault" when no vault name came with the access', () => {
      expect(orgMembersDescribers.VaultAccessed.summary(noName, { redact: false, initiatorName: 'Eve' })).toBe(
        'Eve accessed the vault',
      );
    });

    it('suspends without a reason and cuts a long reason short', () => {
      const d = orgMembersDescribers.MemberSuspended;
      const data = { ...noName, role: 'org_member' };
      expect(d.summary(data, { redact: false, initiatorName: 'Ann' })).toBe('Ann suspended eve@acme.test');
      const long = d.summary({ ...data, reason: 'x'.repeat(200) }, { redact: false, initiatorName: 'Ann' });
      expect(long).toBe(`Ann suspended eve@acme.test (reason: ${'x'.repeat(79)}…)`);
    });
  });
});
