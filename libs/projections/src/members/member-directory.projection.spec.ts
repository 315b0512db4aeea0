import { projectMembers } from './member-directory.projection';
import { MemberEntry } from './member-directory.store';
import { atPosition, mspEvent, otherEvent, rosterEvent } from './member-directory.test-events';

const ann = { memberId: 'ann', email: 'Ann@Msp.example', name: 'Ann' };

describe('projectMembers: the MSP roster', () => {
  const created = mspEvent(1n, 'msp-1', {
    type: 'MspAccountCreated', data: { mspId: 'msp-1', name: 'MSP', ownerMemberId: 'olive', ownerEmail: 'olive@msp.example', ownerName: 'Olive' },
  });
  const olive: MemberEntry = {
    tenantId: 'msp-1', memberId: 'olive', email: 'olive@msp.example', name: 'Olive', role: 'msp_owner', status: 'active',
    since: atPosition(1n), updatedAt: atPosition(1n), position: 1n,
  };

  it('lists the account’s owner, and an invitee through acceptance, role change and suspension', () => {
    const events = [
      created,
      mspEvent(2n, 'msp-1', { type: 'MspMemberInvited', data: { ...ann, role: 'msp_member' } }),
      otherEvent(3n),
      mspEvent(4n, 'msp-1', { type: 'MspInvitationAccepted', data: { ...ann, role: 'msp_member' } }),
      mspEvent(5n, 'msp-1', { type: 'MspMemberRoleChanged', data: { ...ann, previousRole: 'msp_member', newRole: 'msp_admin' } }),
      mspEvent(6n, 'msp-1', { type: 'MspMemberSuspended', data: ann }),
    ];
    expect(projectMembers('msp', events, [])).toEqual([
      olive,
      { tenantId: 'msp-1', ...ann, role: 'msp_admin', status: 'suspended', since: atPosition(2n), updatedAt: atPosition(6n), position: 6n },
    ]);
  });

  it('moves the owner role on a transfer, and keeps a removed member listed as removed', () => {
    const stored: MemberEntry[] = [olive, { ...olive, memberId: 'ann', email: ann.email, name: 'Ann', role: 'msp_admin' }];
    const events = [
      mspEvent(7n, 'msp-1', {
        type: 'MspOwnershipTransferred',
        data: { previousOwner: { memberId: 'olive', email: olive.email, newRole: 'msp_admin' }, newOwner: { ...ann, previousRole: 'msp_admin' } },
      }),
      mspEvent(8n, 'msp-1', { type: 'MspMemberRemoved', data: { memberId: 'olive', email: olive.email, role: 'msp_admin' } }),
    ];
    const result = projectMembers('msp', events, stored);
    expect(result.map((e) => [e.memberId, e.role, e.status, e.position])).toEqual([
      ['olive', 'msp_admin', 'removed', 8n],
      ['ann', 'msp_owner', 'active', 7n],
    ]);
  });

  it('skips events an entry already reflects (a replayed batch), and changes to members it never saw', () => {
    const later = { ...olive, status: 'active', position: 5n };
    const events = [created, mspEvent(3n, 'msp-1', { type: 'MspMemberSuspended', data: { memberId: 'olive', email: olive.email } })];
    expect(projectMembers('msp', events, [later])).toEqual([]);
    expect(projectMembers('msp', [mspEvent(9n, 'msp-1', { type: 'MspMemberReactivated', data: ann })], [])).toEqual([]);
  });

  it('ignores organization roster events', () => {
    const invited = rosterEvent(2n, 'org-1', { type: 'MemberInvited', data: { orgId: 'org-1', ...ann, role: 'org_member' } });
    expect(projectMembers('msp', [invited], [])).toEqual([]);
  });
});

describe('projectMembers: an organization roster', () => {
  const member = { orgId: 'org-1', memberId: 'bob', email: 'bob@org.example', role: 'org_member' as const };

  it('follows pending, active, role change, reactivation and removal, per organization', () => {
    const events = [
      rosterEvent(1n, 'org-1', { type: 'MemberInvited', data: member }),
      rosterEvent(2n, 'org-1', { type: 'MemberInvitationAccepted', data: { ...member, name: 'Bob' } }),
      rosterEvent(3n, 'org-1', { type: 'MemberRoleChanged', data: { ...member, previousRole: 'org_member', newRole: 'org_admin' } }),
      rosterEvent(4n, 'org-2', { type: 'MemberInvited', data: { ...member, orgId: 'org-2' } }),
      rosterEvent(5n, 'org-2', { type: 'MemberInvitationDeclined', data: { ...member, orgId: 'org-2' } }),
      rosterEvent(6n, 'org-1', { type: 'MemberRemoved', data: { ...member, role: 'org_admin' } }),
    ];
    expect(projectMembers('org', events, []).map((e) => [e.tenantId, e.memberId, e.name, e.role, e.status, e.since])).toEqual([
      ['org-1', 'bob', 'Bob', 'org_admin', 'removed', atPosition(1n)],
      ['org-2', 'bob', null, 'org_member', 'declined', atPosition(4n)],
    ]);
  });
});
