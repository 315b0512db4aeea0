import { v7 as uuidv7 } from 'uuid';
import { MemberDirectoryProjector } from './member-directory.projector';
import { MemberDirectoryStore, MemberEntry, RosterKind } from './member-directory.store';
import { atPosition, mspEvent, otherEvent, rosterEvent } from './member-directory.test-events';

/**
 * The behaviour every roster adapter must have, for both kinds. Each test works with tenants of its
 * own (random ids), so it also runs on a shared server holding other data; `open` gives a store of
 * that kind whose checkpoint is not set yet.
 */
export function describeMemberDirectoryStoreContract(adapterName: string, open: (kind: RosterKind) => Promise<MemberDirectoryStore>): void {
  describe.each<RosterKind>(['msp', 'org'])(`MemberDirectoryStore contract: ${adapterName}, %s roster`, (kind) => {
    let store: MemberDirectoryStore;
    let tenantId: string;

    beforeEach(async () => {
      store = await open(kind);
      tenantId = `t-${uuidv7()}`;
    });

    const entry = (position: bigint, overrides: Partial<MemberEntry> = {}): MemberEntry => ({
      tenantId, memberId: uuidv7(), email: 'a@example.com', name: null, role: `${kind}_member`, status: 'active',
      since: atPosition(1n), updatedAt: atPosition(position), position, ...overrides,
    });

    it('starts empty, with no checkpoint', async () => {
      expect(store.kind).toBe(kind);
      expect(await store.checkpoint()).toBeUndefined();
      expect(await store.load([{ tenantId, memberId: 'x' }])).toEqual([]);
      expect(await store.list({ tenantId, limit: 10 })).toEqual([]);
    });

    it('stores a batch and its checkpoint, and gives the entries back as written', async () => {
      const a = entry(5n, { name: 'Ann' });
      const b = entry(6n, { email: 'B@Example.com', status: 'suspended' });
      await store.save({ entries: [a, b], checkpoint: 7n });
      expect(sorted(await store.load([a, b, { tenantId, memberId: 'missing' }]))).toEqual(sorted([a, b]));
      expect(await store.checkpoint()).toBe(7n);
    });

    it('keys by tenant and member: the same member id in two tenants are two entries', async () => {
      const here = entry(1n);
      const there = { ...here, tenantId: `t-${uuidv7()}`, email: 'there@example.com' };
      await store.save({ entries: [here, there], checkpoint: 1n });
      expect(await store.load([here])).toEqual([here]);
      expect(await store.load([there])).toEqual([there]);
    });

    it('replaces an entry only with one of a higher position', async () => {
      const first = entry(5n);
      await store.save({ entries: [first], checkpoint: 5n });
      await store.save({ entries: [{ ...first, status: 'removed', position: 4n }, { ...first, role: 'x', position: 5n }], checkpoint: 5n });
      expect(await store.load([first])).toEqual([first]);
      const changed = { ...first, status: 'removed', updatedAt: atPosition(9n), position: 9n };
      await store.save({ entries: [changed], checkpoint: 9n });
      expect(await store.load([first])).toEqual([changed]);
    });

    it('never moves the checkpoint backwards, and keeps positions beyond 2^53 exact', async () => {
      const big = 2n ** 60n + 1n;
      const far = entry(big);
      await store.save({ entries: [far], checkpoint: big });
      await store.save({ entries: [], checkpoint: 3n });
      expect(await store.checkpoint()).toBe(big);
      expect((await store.load([far]))[0].position).toBe(big);
    });

    it('lists one tenant’s members by email in any case, then member id, page by page', async () => {
      const members = [
        entry(1n, { email: 'carol@example.com', memberId: 'm-3' }),
        entry(2n, { email: 'Alice@example.com', memberId: 'm-9' }),
        entry(3n, { email: 'bob@example.com', memberId: 'm-2' }),
        entry(4n, { email: 'bob@example.com', memberId: 'm-1' }),
      ];
      await store.save({ entries: [...members, entry(5n, { tenantId: `other-${uuidv7()}`, email: 'aaa@example.com' })], checkpoint: 5n });
      const first = await store.list({ tenantId, limit: 2 });
      expect(first.map((e) => e.memberId)).toEqual(['m-9', 'm-1']);
      const last = first[first.length - 1];
      const rest = await store.list({ tenantId, after: { email: last.email, memberId: last.memberId }, limit: 5 });
      expect(rest.map((e) => e.memberId)).toEqual(['m-2', 'm-3']);
    });

    it('drops every entry and the checkpoint on reset', async () => {
      const a = entry(1n);
      await store.save({ entries: [a], checkpoint: 1n });
      await store.reset();
      expect(await store.load([a])).toEqual([]);
      expect(await store.checkpoint()).toBeUndefined();
    });

    it('fed by its projector: follows the roster, and a batch applied twice changes nothing', async () => {
      const events =
        kind === 'msp'
          ? [
              mspEvent(1n, tenantId, { type: 'MspAccountCreated', data: { mspId: tenantId, name: 'M', ownerMemberId: 'o', ownerEmail: 'o@x.example', ownerName: 'O' } }),
              otherEvent(2n),
              mspEvent(3n, tenantId, { type: 'MspMemberInvited', data: { memberId: 'n', email: 'n@x.example', role: 'msp_admin' } }),
              mspEvent(4n, tenantId, { type: 'MspInvitationRevoked', data: { memberId: 'n', email: 'n@x.example', role: 'msp_admin' } }),
            ]
          : [
              rosterEvent(1n, tenantId, { type: 'MemberInvited', data: { orgId: tenantId, memberId: 'o', email: 'o@x.example', name: 'O', role: 'org_owner' } }),
              otherEvent(2n),
              rosterEvent(3n, tenantId, { type: 'MemberInvitationAccepted', data: { orgId: tenantId, memberId: 'o', email: 'o@x.example', name: 'O', role: 'org_owner' } }),
              rosterEvent(4n, tenantId, { type: 'MemberInvited', data: { orgId: tenantId, memberId: 'n', email: 'n@x.example', role: 'org_admin' } }),
              rosterEvent(5n, tenantId, { type: 'MemberInvitationDeclined', data: { orgId: tenantId, memberId: 'n', email: 'n@x.example', role: 'org_admin' } }),
            ];
      const projector = new MemberDirectoryProjector(store);
      await projector.applyBatch(events.slice(0, 2));
      await projector.applyBatch(events.slice(2));
      const listed = async () => (await store.list({ tenantId, limit: 10 })).map((e) => [e.memberId, e.role, e.status]);
      const expected = [['n', `${kind}_admin`, kind === 'msp' ? 'revoked' : 'declined'], ['o', `${kind}_owner`, 'active']];
      expect(await listed()).toEqual(expected);
      expect(await projector.checkpoint()).toBe(events[events.length - 1].position);

      await projector.applyBatch(events);
      expect(await listed()).toEqual(expected);
    });
  });
}

const sorted = (entries: MemberEntry[]) => [...entries].sort((a, b) => a.memberId.localeCompare(b.memberId));
