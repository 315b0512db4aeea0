import { v7 as uuidv7 } from 'uuid';
import { OrganizationDirectoryProjector } from './organization-directory.projector';
import { OrganizationDirectoryStore, OrganizationEntry } from './organization-directory.store';
import { atPosition, organizationEvent, otherEvent } from './organization-directory.test-events';

/**
 * The behaviour every organization directory adapter must have. Each test works with MSPs and
 * organizations of its own (random ids), so it also runs on a shared server holding other data;
 * `open` gives a store whose checkpoint is not set yet.
 */
export function describeOrganizationDirectoryStoreContract(adapterName: string, open: () => Promise<OrganizationDirectoryStore>): void {
  describe(`OrganizationDirectoryStore contract: ${adapterName}`, () => {
    let store: OrganizationDirectoryStore;
    let mspId: string;

    beforeEach(async () => {
      store = await open();
      mspId = `msp-${uuidv7()}`;
    });

    const entry = (position: bigint, overrides: Partial<OrganizationEntry> = {}): OrganizationEntry => ({
      orgId: uuidv7(),
      mspId,
      name: 'Acme',
      status: 'created',
      createdAt: atPosition(1n),
      updatedAt: atPosition(position),
      position,
      ...overrides,
    });

    it('starts empty, with no checkpoint', async () => {
      expect(await store.checkpoint()).toBeUndefined();
      expect(await store.get(uuidv7())).toBeUndefined();
      expect(await store.load([uuidv7()])).toEqual([]);
      expect(await store.list({ mspId, limit: 10 })).toEqual([]);
    });

    it('stores a batch and its checkpoint, and gives the entries back as written', async () => {
      const a = entry(5n);
      const b = entry(6n, { status: 'active', name: 'Beta' });
      await store.save({ entries: [a, b], checkpoint: 7n });
      expect(await store.get(a.orgId)).toEqual(a);
      expect(sorted(await store.load([a.orgId, b.orgId, uuidv7()]))).toEqual(sorted([a, b]));
      expect(await store.checkpoint()).toBe(7n);
    });

    it('replaces an entry only with one of a higher position', async () => {
      const first = entry(5n);
      await store.save({ entries: [first], checkpoint: 5n });
      await store.save({ entries: [{ ...first, name: 'Older', position: 4n }, entry(3n)], checkpoint: 5n });
      expect(await store.get(first.orgId)).toEqual(first);
      const renamed = { ...first, name: 'Acme Corp', updatedAt: atPosition(9n), position: 9n };
      await store.save({ entries: [renamed], checkpoint: 9n });
      expect(await store.get(first.orgId)).toEqual(renamed);
      await store.save({ entries: [{ ...first, status: 'terminated', position: 9n }], checkpoint: 9n });
      expect(await store.get(first.orgId)).toEqual(renamed);
    });

    it('never moves the checkpoint backwards, and keeps positions beyond 2^53 exact', async () => {
      const big = 2n ** 60n + 1n;
      const far = entry(big);
      await store.save({ entries: [far], checkpoint: big });
      await store.save({ entries: [], checkpoint: 3n });
      expect(await store.checkpoint()).toBe(big);
      expect((await store.get(far.orgId))?.position).toBe(big);
    });

    it('lists one MSP’s organizations in id order, page by page', async () => {
      const ids = [uuidv7(), uuidv7(), uuidv7()];
      await store.save({ entries: [...ids].reverse().map((orgId, i) => entry(BigInt(i + 1), { orgId })), checkpoint: 3n });
      await store.save({ entries: [entry(4n, { mspId: `other-${uuidv7()}` })], checkpoint: 4n });
      const page = await store.list({ mspId, limit: 2 });
      expect(page.map((e) => e.orgId)).toEqual(ids.slice(0, 2));
      expect((await store.list({ mspId, afterOrgId: ids[1], limit: 2 })).map((e) => e.orgId)).toEqual([ids[2]]);
    });

    it('drops every entry and the checkpoint on reset', async () => {
      const a = entry(1n);
      await store.save({ entries: [a], checkpoint: 1n });
      await store.reset();
      expect(await store.get(a.orgId)).toBeUndefined();
      expect(await store.checkpoint()).toBeUndefined();
    });

    it('fed by its projector: follows the lifecycle, and a batch applied twice changes nothing', async () => {
      const organizationId = uuidv7();
      const org = { organizationId, name: 'Acme' };
      const events = [
        organizationEvent(1n, { type: 'OrganizationCreated', data: { ...org, mspId } }, mspId),
        otherEvent(2n),
        organizationEvent(3n, { type: 'OrganizationDeployed', data: org }, mspId),
        organizationEvent(4n, { type: 'OrganizationRenamed', data: { organizationId, previousName: 'Acme', newName: 'Acme Corp' } }, mspId),
        organizationEvent(5n, { type: 'OrganizationSuspended', data: { ...org, name: 'Acme Corp' } }, mspId),
        otherEvent(6n),
      ];
      const projector = new OrganizationDirectoryProjector(store);
      await projector.applyBatch(events.slice(0, 3));
      await projector.applyBatch(events.slice(3));
      const expected: OrganizationEntry = {
        orgId: organizationId, mspId, name: 'Acme Corp', status: 'suspended', createdAt: atPosition(1n), updatedAt: atPosition(5n), position: 5n,
      };
      expect(await store.get(organizationId)).toEqual(expected);
      expect(await projector.checkpoint()).toBe(6n);

      await projector.applyBatch(events);
      expect(await store.get(organizationId)).toEqual(expected);
      expect(await store.checkpoint()).toBe(6n);
    });
  });
}

const sorted = (entries: OrganizationEntry[]) => [...entries].sort((a, b) => a.orgId.localeCompare(b.orgId));
