import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithServer } from '@test/support/real-servers';
import { ActivityLogStore, openReadDatabase, SqliteActivityLogStore } from '@app/projections';
import { entry } from '@app/projections/activity-log/activity-log.store.contract';
import { MongoActivityLogStore } from '@app/projections/activity-log/mongo-activity-log.store';
import { mongoTestDatabases } from '@app/mongo';
import { ScopedLogQuery } from '../activity-log/activity-log.service';
import { LiveTail } from './live-tail';
import { SseSink } from './sse-response';
import { unsealedData } from '@app/privacy/testing/privacy.testing';

type Sent = { id: string; event: string; data: { id: string; item: unknown; summary: string } };

function collectingSink(): SseSink & { sent: Sent[] } {
  const sent: Sent[] = [];
  return { sent, send: (id, event, data) => sent.push({ id, event, data } as Sent) > 0, drained: async () => undefined };
}

const mspLog = (filters: Partial<ScopedLogQuery['query']> = {}, audience: ScopedLogQuery['audience'] = 'msp'): ScopedLogQuery => ({
  query: { scope: { mspId: 'msp-a' }, categories: ['Organization Management'], ...filters },
  audience,
  dto: {},
  memberScopes: ['msp:msp-a'],
});

const timings = { pollIntervalMs: 10, pageSize: 2, errorBackoffMs: 10 };

function describeLiveTail(name: string, open: () => Promise<ActivityLogStore>): void {
  describe(`LiveTail over ${name}`, () => {
    let store: ActivityLogStore;
    beforeEach(async () => (store = await open()));

    it('sends entries after the position, oldest first, never above the view’s checkpoint', async () => {
      const [a, b, c] = [entry(), entry(), entry()];
      await store.applyBatch([a, b], b.position);
      await store.applyBatch([c], b.position); // written, but its batch is not checkpointed yet
      const sink = collectingSink();
      const tail = new LiveTail(store, mspLog(), sink, timings, unsealedData);

      expect(await tail.step(undefined)).toEqual({ position: b.position, fullPage: true });
      expect(await tail.step(b.position)).toEqual({ position: b.position, fullPage: false });
      await store.applyBatch([], c.position);
      expect(await tail.step(b.position)).toEqual({ position: c.position, fullPage: false });
      expect(sink.sent.map((s) => [s.id, s.event, s.data.id])).toEqual(
        [a, b, c].map((e) => [e.position.toString(), 'activity', e.eventId]),
      );
    });

    it('keeps to the scope, the categories and the filters, and redacts for the audience', async () => {
      const item = { id: 'i-1', type: 'password', name: 'Bank login' };
      const hidden = [entry({ mspId: 'msp-b' }), entry({ category: 'Billing' }), entry({ initiator: { ...entry().initiator, id: 'm-bob', email: 'bob@msp.example' } })];
      const shown = entry({ item, target: { type: 'item', id: 'i-1', name: 'Bank login' } });
      await store.applyBatch([...hidden, shown], shown.position);
      const redacted = collectingSink();
      // The member-email filter arrives resolved into the members behind the email.
      const byAnn = mspLog({ memberEmail: 'ann@msp.example' });
      await new LiveTail(store, byAnn, redacted, { ...timings, pageSize: 10 }, unsealedData, { ...byAnn.query, initiatorIn: ['m-1'] }).step(undefined);
      expect(redacted.sent.map((s) => s.data.id)).toEqual([shown.eventId]);
      expect(redacted.sent[0].data.item).toEqual({ id: 'i-1', type: null, name: null });
      const owner = collectingSink();
      await new LiveTail(store, mspLog({ itemId: 'i-1' }, 'org_owner'), owner, timings, unsealedData).step(hidden[2].position);
      expect(owner.sent[0].data.item).toEqual(item);
    });

    it('reads full pages back to back, waits when idle, and stops when aborted', async () => {
      const batch = [entry(), entry(), entry(), entry(), entry()];
      await store.applyBatch(batch, batch[4].position);
      const sink = collectingSink();
      const abort = new AbortController();
      const run = new LiveTail(store, mspLog(), sink, { ...timings, pollIntervalMs: 60_000 }, unsealedData).run(undefined, abort.signal);
      await waitFor(() => sink.sent.length === 5);
      abort.abort();
      await run;
      expect(sink.sent.map((s) => s.id)).toEqual(batch.map((e) => e.position.toString()));
    });

    it('retries after the view fails to answer', async () => {
      const [a] = [entry()];
      await store.applyBatch([a], a.position);
      let failures = 1;
      const flaky: ActivityLogStore = Object.create(store, {
        checkpoint: { value: async () => (failures-- > 0 ? Promise.reject(new Error('view down')) : store.checkpoint()) },
      });
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      const sink = collectingSink();
      const abort = new AbortController();
      const run = new LiveTail(flaky, mspLog(), sink, timings, unsealedData).run(undefined, abort.signal);
      await waitFor(() => sink.sent.length === 1);
      abort.abort();
      await run;
      expect(sink.sent.map((s) => s.data.id)).toEqual([a.eventId]);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/view down/));
      warn.mockRestore();
    });
  });
}

async function waitFor(done: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describeLiveTail('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'live-tail-'));
  dirs.push(dir);
  return new SqliteActivityLogStore(openReadDatabase(join(dir, 'read-models.sqlite')));
});

describeWithServer('MONGO_URL', 'LiveTail on a real MongoDB-wire server', (url) => {
  const databases = mongoTestDatabases(url);
  afterAll(() => databases.dropAll());
  describeLiveTail('MongoDB', async () => {
    const store = new MongoActivityLogStore(await databases.fresh());
    await store.ensureIndexes();
    return store;
  });
});
