import { v7 as uuidv7 } from 'uuid';
import { DeliveryStatus, IntegrationEntry, IntegrationsStore } from './integrations.store';
import { IntegrationsProjector } from './integrations.projector';
import { atPosition, integrationEvent, SPLUNK_SETTINGS } from './integrations.test-events';

/**
 * What every integrations view adapter must do. Each test uses ids of its own, so it also runs on a
 * shared server; `open` gives a store whose checkpoint is not set yet.
 */
export function describeIntegrationsStoreContract(adapterName: string, open: () => Promise<IntegrationsStore>): void {
  describe(`IntegrationsStore contract: ${adapterName}`, () => {
    let store: IntegrationsStore;
    let mspId: string;
    let orgId: string;
    beforeEach(async () => {
      store = await open();
      mspId = `msp-${uuidv7()}`;
      orgId = `org-${uuidv7()}`;
    });

    const entry = (position: bigint, overrides: Partial<IntegrationEntry> = {}): IntegrationEntry => {
      const integrationId = uuidv7();
      return {
        integrationId, streamId: `integration-${integrationId}`, owner: { type: 'msp', mspId }, kind: 'splunk', name: 'Splunk',
        settings: SPLUNK_SETTINGS, secretLast4: 'abcd', secretVersion: uuidv7(), status: 'connected', setUpPosition: position,
        createdAt: atPosition(position), updatedAt: atPosition(position), position, ...overrides,
      };
    };
    const byId = (entries: IntegrationEntry[]) => [...entries].sort((a, b) => a.integrationId.localeCompare(b.integrationId));

    it('starts empty, with no checkpoint', async () => {
      expect(await store.checkpoint()).toBeUndefined();
      expect(await store.get(uuidv7())).toBeUndefined();
      expect(await store.list({ owner: { mspId }, limit: 10 })).toEqual([]);
      expect(await store.deliveries([uuidv7()])).toEqual([]);
    });

    it('stores a batch with its checkpoint and gives entries back as written, either owner', async () => {
      const msp = entry(5n);
      const org = entry(6n, { owner: { type: 'organization', orgId, mspId }, streamId: 'siemIntegration-x', kind: 'microsoft_sentinel', secretVersion: null });
      await store.save({ entries: [msp, org], checkpoint: 7n });
      expect(await store.get(msp.integrationId)).toEqual(msp);
      expect(byId(await store.load([msp.integrationId, org.integrationId, uuidv7()]))).toEqual(byId([msp, org]));
      expect(await store.checkpoint()).toBe(7n);
    });

    it('replaces an entry only with one of a higher position; keeps positions beyond 2^53 exact', async () => {
      const first = entry(5n);
      await store.save({ entries: [first], checkpoint: 5n });
      await store.save({ entries: [{ ...first, name: 'Older', position: 4n }], checkpoint: 5n });
      expect(await store.get(first.integrationId)).toEqual(first);
      const big = 2n ** 60n + 1n;
      const edited = { ...first, name: 'Splunk EU', status: 'disconnected' as const, position: big };
      await store.save({ entries: [edited], checkpoint: big });
      await store.save({ entries: [], checkpoint: 3n });
      expect(await store.get(first.integrationId)).toEqual(edited);
      expect(await store.checkpoint()).toBe(big);
    });

    it('lists one owner’s integrations in id order, page by page, apart from other owners', async () => {
      const mine = [entry(1n), entry(2n), entry(3n)];
      const theirs = entry(4n, { owner: { type: 'msp', mspId: `other-${uuidv7()}` } });
      const orgOwned = entry(5n, { owner: { type: 'organization', orgId, mspId } });
      await store.save({ entries: [...mine].reverse().concat(theirs, orgOwned), checkpoint: 5n });
      expect(await store.list({ owner: { mspId }, limit: 2 })).toEqual(mine.slice(0, 2));
      expect(await store.list({ owner: { mspId }, afterId: mine[1].integrationId, limit: 2 })).toEqual([mine[2]]);
      expect(await store.list({ owner: { orgId }, limit: 10 })).toEqual([orgOwned]);
    });

    it('lists every integration of some kinds, whoever owns it', async () => {
      const splunk = entry(1n);
      const psa = entry(2n, { kind: 'psa' });
      const sentinel = entry(3n, { kind: 'microsoft_sentinel', owner: { type: 'organization', orgId, mspId: null } });
      await store.save({ entries: [splunk, psa, sentinel], checkpoint: 3n });
      const ids = new Set([splunk, psa, sentinel].map((e) => e.integrationId));
      const listed = [];
      for (let page = await store.listByKind({ kinds: ['splunk', 'microsoft_sentinel'], limit: 1 }); page.length > 0;
        page = await store.listByKind({ kinds: ['splunk', 'microsoft_sentinel'], afterId: page[0].integrationId, limit: 1 })) {
        listed.push(...page.filter((e) => ids.has(e.integrationId)));
      }
      expect(listed).toEqual([splunk, sentinel]);
    });

    it('keeps each delivery status, replaced whole; a reset keeps them and drops the entries', async () => {
      const a = entry(1n);
      await store.save({ entries: [a], checkpoint: 1n });
      const status: DeliveryStatus = {
        integrationId: a.integrationId, state: 'retrying', configPosition: 1n, lastSuccessAt: null,
        lastError: { message: 'Splunk is busy', at: atPosition(2n) }, eventsSent: 0, bytesSent: 0, updatedAt: atPosition(2n),
      };
      await store.saveDelivery(status);
      const recovered: DeliveryStatus = { ...status, state: 'idle', lastSuccessAt: atPosition(3n), eventsSent: 12, bytesSent: 2 ** 40, updatedAt: atPosition(3n) };
      await store.saveDelivery(recovered);
      expect(await store.deliveries([a.integrationId, uuidv7()])).toEqual([recovered]);
      await store.saveDelivery({ ...recovered, lastError: null });
      expect((await store.deliveries([a.integrationId]))[0].lastError).toBeNull();
      await store.reset();
      expect(await store.get(a.integrationId)).toBeUndefined();
      expect(await store.checkpoint()).toBeUndefined();
      expect(await store.deliveries([a.integrationId])).toHaveLength(1);
    });

    it('fed by its projector: follows both families, ignores syncs, and a batch applied twice changes nothing', async () => {
      const mspIntegration = uuidv7();
      const orgIntegration = uuidv7();
      const ref = { integrationId: mspIntegration, kind: 'splunk' as const, name: 'Splunk' };
      const orgRef = { integrationId: orgIntegration, kind: 'splunk' as const, name: 'Org Splunk' };
      const events = [
        integrationEvent(1n, { type: 'IntegrationSetUp', data: { ...ref, mspId, settings: SPLUNK_SETTINGS, secretLast4: 'abcd', secretVersion: 'v-1' } }, { mspId }),
        integrationEvent(2n, { type: 'SiemIntegrationSetUp', data: { ...orgRef, orgId, settings: SPLUNK_SETTINGS, secretLast4: 'beef', secretVersion: 'v-9' } }, { mspId, orgId }),
        integrationEvent(3n, { type: 'IntegrationEdited', data: { ...ref, changes: [{ field: 'secret', previousValue: 'abcd', newValue: '1234' }, { field: 'settings.index', previousValue: 'audit', newValue: 'soc' }], secretVersion: 'v-2' } }, { mspId }),
        integrationEvent(4n, { type: 'IntegrationSyncSucceeded', data: { ...ref, eventsSent: 3 } }, { mspId }),
        integrationEvent(5n, { type: 'SiemIntegrationDisconnected', data: orgRef }, { mspId, orgId }),
      ];
      const projector = new IntegrationsProjector(store);
      await projector.applyBatch(events.slice(0, 2));
      await projector.applyBatch(events.slice(2));
      const expectedMsp: IntegrationEntry = {
        integrationId: mspIntegration, streamId: `integration-${mspIntegration}`, owner: { type: 'msp', mspId }, kind: 'splunk', name: 'Splunk',
        settings: { ...SPLUNK_SETTINGS, index: 'soc' }, secretLast4: '1234', secretVersion: 'v-2', status: 'connected',
        setUpPosition: 1n, createdAt: atPosition(1n), updatedAt: atPosition(3n), position: 3n,
      };
      const expectedOrg: IntegrationEntry = {
        integrationId: orgIntegration, streamId: `siemIntegration-${orgIntegration}`, owner: { type: 'organization', orgId, mspId }, kind: 'splunk',
        name: 'Org Splunk', settings: SPLUNK_SETTINGS, secretLast4: 'beef', secretVersion: 'v-9', status: 'disconnected',
        setUpPosition: 2n, createdAt: atPosition(2n), updatedAt: atPosition(5n), position: 5n,
      };
      expect(await store.get(mspIntegration)).toEqual(expectedMsp);
      expect(await store.get(orgIntegration)).toEqual(expectedOrg);
      expect(await projector.checkpoint()).toBe(5n);

      await projector.applyBatch(events);
      expect(await store.get(mspIntegration)).toEqual(expectedMsp);
      expect(await store.get(orgIntegration)).toEqual(expectedOrg);
    });
  });
}
