import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { MSP_CATEGORIES } from '@app/domain';
import { EventStore, RecordedEvent, SqliteEventStore, SubscribeOptions, Subscription } from '@app/event-store';
import { mongoTestDatabases } from '@app/mongo';
import {
  ActivityLogProjector, ActivityLogStore, CursorSigner, MongoActivityLogStore, openReadDatabase, ProjectionRunner, SqliteActivityLogStore,
} from '@app/projections';
import { PullFeed, PullService } from '@app/queries/pull/pull.service';
import { describeWithServer } from './support/real-servers';
import { unsealedData } from '@app/privacy/testing/privacy.testing';

const WRITERS = 4;
const EVENTS_PER_WRITER = 60;
const MSP = 'msp-poll';

/**
 * The event store as the projector sees it when several API processes with skewed clocks write
 * (as they do in front of EventStoreDB, where the writer stamps the time): writer w's events carry
 * a time w × 90 s early, so positions and timestamps disagree all along. Everything else is the
 * real store underneath.
 */
function skewedClocks(store: EventStore): EventStore {
  const skew = (event: RecordedEvent): RecordedEvent => {
    const writer = Number(event.metadata.actor.id.replace('writer-', ''));
    return { ...event, occurredAt: new Date(Date.parse(event.occurredAt) - writer * 90_000).toISOString() };
  };
  return {
    append: (...args) => store.append(...args),
    readStream: async (...args) => (await store.readStream(...args)).map(skew),
    readAll: async (...args) => (await store.readAll(...args)).map(skew),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
    subscribeToAll(options?: SubscribeOptions): Subscription {
      const inner = store.subscribeToAll(options);
      return {
        stop: () => inner.stop(),
        async *[Symbol.asyncIterator]() {
          for await (const event of inner) yield skew(event);
        },
      };
    },
  };
}

/** `midway`: the writer waits for it halfway (bounded), so that the test can make reads overlap the writes. */
async function write(store: EventStore, writer: number, midway?: Promise<void>): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < EVENTS_PER_WRITER; i++) {
    if (midway && i === EVENTS_PER_WRITER / 2) await Promise.race([midway, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    const organizationId = uuidv7();
    const result = await store.append(`organization-${organizationId}`, [{
      type: 'OrganizationCreated',
      data: { organizationId, name: `Org ${writer}-${i}` },
      metadata: { actor: { type: 'member', id: `writer-${writer}`, role: 'msp_admin' }, tenant: { mspId: MSP }, client: { ip: '127.0.0.1' } },
    }], 'no_stream');
    ids.push(...result.eventIds);
    if (i % 7 === writer) await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return ids;
}

function describePullUnderLoad(name: string, openView: () => Promise<ActivityLogStore>): void {
  describe(`pulling while writers commit, over ${name}`, () => {
    let dir: string;
    let events: SqliteEventStore;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'pull-'));
      events = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    });
    afterEach(async () => {
      await events.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('gets every event exactly once, in ingestion order, though timestamps go back and forth', async () => {
      const view = await openView();
      const runner = new ProjectionRunner(skewedClocks(events), new ActivityLogProjector(view), { batchSize: 13 });
      const pulls = new PullService(view, new CursorSigner('p'.repeat(40)), unsealedData);
      const feed: PullFeed = { name: 'msp', scoped: { query: { scope: { mspId: MSP }, categories: MSP_CATEGORIES }, audience: 'msp' as const, dto: {}, memberScopes: [] } };
      const reader = { subject: 'siem', role: 'msp_api_client' as const, mspId: MSP };
      runner.start();
      let writing = true;
      // The second half of the writes waits until pages were read while the first half was being
      // written, so reading and writing overlap however fast the view's engine is.
      let overlapped!: () => void;
      const overlap = new Promise<void>((resolve) => (overlapped = resolve));
      const written = Promise.all(Array.from({ length: WRITERS }, (_, w) => write(events, w, overlap))).finally(() => (writing = false));

      const seen: { id: string; position: bigint; occurredAt: string }[] = [];
      let cursor: string | undefined;
      let pagesWhileWriting = 0;
      for (let idle = 0; writing || idle < 50; ) {
        const page = await pulls.pull(feed, reader, { limit: 7, cursor });
        if (writing && page.items.length > 0 && ++pagesWhileWriting > 3) overlapped();
        seen.push(...page.items.map((e) => ({ id: e.id, position: BigInt(e.position), occurredAt: e.occurredAt })));
        cursor = page.cursor;
        if (!writing && !page.hasMore && seen.length === WRITERS * EVENTS_PER_WRITER) break;
        if (!page.hasMore) {
          idle++;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
      const ids = (await written).flat();
      await runner.stop();

      expect(seen.map((s) => s.id).sort()).toEqual([...ids].sort());
      expect(new Set(seen.map((s) => s.id)).size).toBe(seen.length);
      expect(seen.every((s, i) => i === 0 || s.position > seen[i - 1].position)).toBe(true);
      const backwards = seen.filter((s, i) => i > 0 && s.occurredAt < seen[i - 1].occurredAt).length;
      expect(backwards).toBeGreaterThan(10);
      expect(pagesWhileWriting).toBeGreaterThan(3);

      const again = await pulls.pull(feed, reader, { limit: 1000, cursor });
      expect(again).toMatchObject({ items: [], hasMore: false });
    }, 60_000);

    it('filters by the first request’s time bounds without changing the order, and keeps them in the cursor', async () => {
      const view = await openView();
      const runner = new ProjectionRunner(skewedClocks(events), new ActivityLogProjector(view), { batchSize: 50 });
      runner.start();
      const ids = (await Promise.all(Array.from({ length: WRITERS }, (_, w) => write(events, w)))).flat();
      while (((await view.checkpoint()) ?? -1n) < (await events.headPosition())) await new Promise((resolve) => setTimeout(resolve, 10));
      await runner.stop();
      const pulls = new PullService(view, new CursorSigner('p'.repeat(40)), unsealedData);
      const feed: PullFeed = { name: 'msp', scoped: { query: { scope: { mspId: MSP }, categories: MSP_CATEGORIES }, audience: 'msp' as const, dto: {}, memberScopes: [] } };
      const reader = { subject: 'siem', role: 'msp_api_client' as const, mspId: MSP };
      const all = (await pulls.pull(feed, reader, { limit: 1000 })).items;
      expect(all).toHaveLength(ids.length);
      const [startTime, endTime] = [all[0].occurredAt, all[all.length - 1].occurredAt].sort();
      const expected = all.filter((e) => e.occurredAt >= startTime && e.occurredAt < endTime).map((e) => e.id);

      const got: string[] = [];
      let page = await pulls.pull(feed, reader, { limit: 9, startTime, endTime });
      got.push(...page.items.map((e) => e.id));
      while (page.hasMore) {
        page = await pulls.pull(feed, reader, { limit: 9, cursor: page.cursor });
        got.push(...page.items.map((e) => e.id));
      }
      expect(got).toEqual(expected);
      expect(expected.length).toBeLessThan(all.length);
    }, 60_000);
  });
}

describePullUnderLoad('SQLite', async () => new SqliteActivityLogStore(openReadDatabase(':memory:')));

describeWithServer('MONGO_URL', 'the pull API on a real MongoDB-wire server', (url) => {
  const databases = mongoTestDatabases(url);
  afterAll(() => databases.dropAll());
  describePullUnderLoad('MongoDB (batches written unordered, checkpoint after)', async () => {
    const store = new MongoActivityLogStore(await databases.fresh());
    await store.ensureIndexes();
    return store;
  });
});
