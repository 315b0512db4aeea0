import {
  bytesEqual, leafHash, readStoredEventJson, ScopeHead, toBase64, treeHash, verifyConsistency, verifyInclusion,
} from '@app/integrity';
import { EventStore } from '../event-store.port';
import { NewEvent } from '../event-envelope';
import { AuditLog } from './audit-log.port';

export interface AuditLogFixture {
  store: EventStore;
  log: AuditLog;
  /** Resolves once the log holds every event appended so far (inline: at once). */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

const tenantEvent = (type: string, tenant: { mspId?: string; orgId?: string }): NewEvent => ({
  type, data: { n: type }, metadata: { actor: { type: 'member', id: 'u-1' }, tenant, client: { ip: '192.0.2.1' } },
});

/** What every writer of the integrity log must give the readers, whoever writes it. */
export function describeAuditLogContract(name: string, make: () => Promise<AuditLogFixture>): void {
  describe(`AuditLog contract: ${name}`, () => {
    let f: AuditLogFixture;
    beforeEach(async () => {
      f = await make();
      await f.store.append('msp-1', [tenantEvent('MspCreated', { mspId: 'm1' })], 'no_stream');
      await f.store.append('org-a', [tenantEvent('A1', { mspId: 'm1', orgId: 'a' }), tenantEvent('A2', { mspId: 'm1', orgId: 'a' })], 'no_stream');
      await f.store.append('org-b', [tenantEvent('B1', { orgId: 'b' })], 'no_stream');
      await Promise.all([1, 2, 3].map((i) => f.store.append(`org-a-${i}`, [tenantEvent(`A${i + 2}`, { mspId: 'm1', orgId: 'a' })], 'no_stream')));
      await f.store.append('system', [tenantEvent('Untenanted', {})], 'no_stream');
      await f.caughtUp();
    });
    afterEach(() => f.close());

    it('makes every event a leaf in position order, over bytes that hash to the stored leaf', async () => {
      const events = await f.store.readAll();
      const { size } = await f.log.state();
      expect(size).toBe(events.length);
      const merkle = await f.log.merkle();
      const leaves = [];
      for (let i = 0; i < size; i++) {
        expect(await f.log.positionOfLeaf(i)).toBe(events[i].position);
        expect(await f.log.leafOfPosition(events[i].position)).toBe(i);
        const bytes = await f.log.leafBytes(i);
        const stored = await merkle.leafHashAt(i);
        expect(bytesEqual(leafHash(bytes), stored)).toBe(true);
        expect(readStoredEventJson(bytes)?.id).toBe(events[i].id);
        leaves.push(stored);
      }
      expect(toBase64(merkle.root())).toBe(toBase64(treeHash(leaves)));
      expect(await f.log.leafOfPosition(9999n)).toBeUndefined();
    });

    it('threads a chain per scope through the leaves; the heads say where each stands', async () => {
      const { size, heads } = await f.log.state();
      const seen = new Map<string, ScopeHead>();
      for (let i = 0; i < size; i++) {
        const bytes = await f.log.leafBytes(i);
        for (const link of readStoredEventJson(bytes)!.links) {
          const head = seen.get(link.scope);
          expect(link).toEqual({ scope: link.scope, seq: head ? head.count : 0, prev: head ? head.lastIndex : null });
          seen.set(link.scope, { scope: link.scope, count: link.seq + 1, lastIndex: i, lastLeafHash: leafHash(bytes) });
        }
      }
      expect(heads.map((h) => [h.scope, h.count, h.lastIndex])).toEqual([...seen.values()].sort((a, b) => (a.scope < b.scope ? -1 : 1)).map((h) => [h.scope, h.count, h.lastIndex]));
      expect(heads.map((h) => [h.scope, h.count])).toEqual([['msp:m1', 6], ['org:a', 5], ['org:b', 1]]);
      const a = await f.log.scopeEntries('org:a', { limit: 100 });
      expect(a.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4]);
      expect(await f.log.scopeEntries('org:a', { fromSeq: 2, limit: 2 })).toEqual(a.slice(2, 4));
      expect((await f.log.scopeEntries('org:a', { fromLeaf: a[3].leafIndex, limit: 100 })).map((e) => e.seq)).toEqual([3, 4]);
      expect((await f.log.scopeEntries('org:a', { belowLeaf: a[1].leafIndex, limit: 100 })).map((e) => e.seq)).toEqual([0]);
    });

    it('proves inclusion and consistency for any tree size up to the current one', async () => {
      const merkle = await f.log.merkle();
      for (const size of [1, 3, merkle.size]) {
        const root = await merkle.rootAt(size);
        for (let i = 0; i < size; i++) expect(verifyInclusion(i, size, await merkle.leafHashAt(i), await merkle.inclusionProof(i, size), root)).toBe(true);
        expect(verifyConsistency(size, merkle.size, root, merkle.root(), await merkle.consistencyProof(size, merkle.size))).toBe(true);
      }
    });

    it('maps times and positions to tree sizes', async () => {
      const { size } = await f.log.state();
      const events = await f.store.readAll();
      expect(await f.log.sizeAtTime(new Date(Date.now() + 60_000).toISOString(), true)).toBe(size);
      expect(await f.log.sizeAtTime('2000-01-01T00:00:00.000Z', true)).toBe(0);
      expect(await f.log.sizeAtPosition(events[2].position)).toBe(3);
      expect(await f.log.sizeAtPosition(events[size - 1].position + 100n)).toBe(size);
    });

    it('keeps checkpoints with the heads that moved, and every key that signed one', async () => {
      const { size, heads } = await f.log.state();
      const [msp, a, b] = heads;
      await f.log.addCheckpoint({ treeSize: 3, time: '2026-01-01T00:00:00.000Z', note: 'note-3' }, [msp, a], 'k+00000001+AQ==');
      await f.log.addCheckpoint({ treeSize: size, time: '2026-01-01T00:01:00.000Z', note: 'note-n' }, [b], 'k+00000002+AQ==');
      expect(await f.log.checkpoints()).toEqual([
        { treeSize: 3, time: '2026-01-01T00:00:00.000Z', note: 'note-3' },
        { treeSize: size, time: '2026-01-01T00:01:00.000Z', note: 'note-n' },
      ]);
      expect((await f.log.latestCheckpoint())?.treeSize).toBe(size);
      expect(await f.log.checkpointAt(4)).toBeUndefined();
      expect((await f.log.headsAt(size)).map((h) => h.scope)).toEqual(['msp:m1', 'org:a', 'org:b']);
      expect((await f.log.headsAt(3)).map((h) => h.scope)).toEqual(['msp:m1', 'org:a']);
      expect(await f.log.scopeCheckpointSizes('org:b')).toEqual([size]);
      expect(await f.log.signingKeys()).toEqual(['k+00000001+AQ==', 'k+00000002+AQ==']);
    });
  });
}
