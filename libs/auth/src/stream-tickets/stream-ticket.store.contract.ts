import { randomUUID } from 'node:crypto';
import { StreamTicketRecord, StreamTicketStore } from './stream-ticket.store';

/** The behaviour every stream ticket store must have; `open` gives a store (possibly shared with other tests). */
export function describeStreamTicketStoreContract(adapterName: string, open: () => Promise<StreamTicketStore>): void {
  describe(`StreamTicketStore contract: ${adapterName}`, () => {
    let store: StreamTicketStore;
    beforeEach(async () => (store = await open()));
    afterEach(() => store.close());

    const record = (overrides: Partial<StreamTicketRecord> = {}): StreamTicketRecord => ({
      hash: randomUUID().replace(/-/g, ''),
      principal: { subject: 'olive', role: 'msp_owner', mspId: 'msp-1', email: 'olive@msp.example' },
      target: 'GET /activity-log/msp/live?category=Billing',
      expiresAt: Date.now() + 30_000,
      ...overrides,
    });

    it('gives a ticket back exactly as written, once', async () => {
      const ticket = record({ credentialExpiresAt: 1_900_000_000_000 });
      await store.put(ticket);
      expect(await store.take(ticket.hash)).toEqual(ticket);
      expect(await store.take(ticket.hash)).toBeUndefined();
    });

    it('keeps a principal without optional claims and a credential without expiry as they are', async () => {
      const ticket = record({ principal: { subject: 'svc', role: 'service', orgId: 'o-1' } });
      await store.put(ticket);
      const taken = await store.take(ticket.hash);
      expect(taken).toEqual(ticket);
      expect(taken).not.toHaveProperty('credentialExpiresAt');
    });

    it('knows nothing of a ticket never put', async () => {
      expect(await store.take('0'.repeat(64))).toBeUndefined();
    });

    it('gives an expired ticket back too (the caller refuses it), and takes it out', async () => {
      const stale = record({ expiresAt: Date.now() - 1000 });
      await store.put(stale);
      expect(await store.take(stale.hash)).toEqual(stale);
      expect(await store.take(stale.hash)).toBeUndefined();
    });

    it('hands a ticket to only one of many concurrent takes', async () => {
      const ticket = record();
      await store.put(ticket);
      const takes = await Promise.all(Array.from({ length: 8 }, () => store.take(ticket.hash)));
      expect(takes.filter((t) => t !== undefined)).toHaveLength(1);
    });

    it('purges expired tickets only', async () => {
      const now = Date.now();
      const stale = record({ expiresAt: now - 1 });
      const fresh = record({ expiresAt: now + 60_000 });
      await store.put(stale);
      await store.put(fresh);
      expect(await store.purgeExpired(now)).toBeGreaterThanOrEqual(1);
      expect(await store.take(stale.hash)).toBeUndefined();
      expect(await store.take(fresh.hash)).toEqual(fresh);
    });
  });
}
