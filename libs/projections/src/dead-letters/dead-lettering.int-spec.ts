import { Logger } from '@nestjs/common';
import { Db, MongoClient } from 'mongodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventMetadata, RecordedEvent, SqliteEventStore } from '@app/event-store';
import { connectMongo, mongoTestDatabases } from '@app/mongo';
import { describeWithServer } from '@test/support/real-servers';
import { TcpProxy } from '@test/support/tcp-proxy';
import { ActivityLogProjector } from '../activity-log/activity-log.projector';
import { ActivityLogStore } from '../activity-log/activity-log.store';
import { MongoActivityLogStore } from '../activity-log/mongo-activity-log.store';
import { SqliteActivityLogStore } from '../activity-log/sqlite-activity-log.store';
import { ProjectionRunner } from '../shared/projection-runner';
import { Projector } from '../shared/projector';
import { openReadDatabase } from '../shared/sqlite-read-database';
import { waitForPosition } from '../shared/wait-for-position';
import { MongoSharingHubStore } from '../sharing-hub/mongo-sharing-hub.store';
import { SharingHubProjector } from '../sharing-hub/sharing-hub.projector';
import { SharingHubStore } from '../sharing-hub/sharing-hub.store';
import { SqliteSharingHubStore } from '../sharing-hub/sqlite-sharing-hub.store';
import { DeadLetterStore } from './dead-letter.store';
import { MongoDeadLetterStore } from './mongo-dead-letter.store';
import { SqliteDeadLetterStore } from './sqlite-dead-letter.store';

const WINDOW = { from: '2000-01-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z' };
const FAST = { backoffMs: 10, maxBackoffMs: 50, deadLetterBackoffMs: 5 };

const metadata = (orgId: string): EventMetadata => ({
  actor: { type: 'member', id: 'ann', email: 'ann@example.test', name: 'Ann', role: 'org_member' },
  tenant: { mspId: `msp-of-${orgId}`, orgId },
  client: { ip: '203.0.113.7' },
});
const item = (orgId: string, itemId: string) => ({
  type: 'ItemCreated',
  data: { itemId, itemType: 'password', itemName: `Item ${itemId}`, orgId, ownerMemberId: 'ann', ownerName: 'Ann' },
  metadata: metadata(orgId),
});

interface ReadSide {
  activity: ActivityLogStore;
  hub: SharingHubStore;
  deadLetters: DeadLetterStore;
}

function describeDeadLettering(name: string, open: () => Promise<ReadSide>): void {
  describe(`Projectors on ${name}, with a poison event in a real event store`, () => {
    let dir: string;
    let events: SqliteEventStore;
    let read: ReadSide;
    let runners: ProjectionRunner[];
    let errors: jest.SpyInstance;

    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'dead-letters-'));
      events = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
      read = await open();
      errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    });
    afterEach(async () => {
      await Promise.all(runners.map((r) => r.stop()));
      jest.restoreAllMocks();
      await events.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const run = (...projectors: Projector[]) => {
      runners = projectors.map((p) => new ProjectionRunner(events, p, { ...FAST, deadLetters: read.deadLetters }));
      runners.forEach((r) => r.start());
    };

    it('records the poison event, applies the later events of other tenants, and goes on', async () => {
      await events.append('vaultItem-a1', [item('org-a', 'a1')], 'any');
      // What a validly signed token with "sub": {"id": "x"} wrote (issue 10, item 4).
      const poisonMetadata = { ...metadata('org-b'), actor: { type: 'member', id: { id: 'x' } } } as unknown as EventMetadata;
      const poison = await events.append('vaultItem-b1', [{ ...item('org-b', 'b1'), metadata: poisonMetadata }], 'any');
      for (const [org, id] of [['org-c', 'c1'], ['org-d', 'd1'], ['org-a', 'a2']]) await events.append(`vaultItem-${id}`, [item(org, id)], 'any');
      const activity = new ActivityLogProjector(read.activity);
      const hub = new SharingHubProjector(read.hub);
      run(activity, hub);

      const head = await events.headPosition();
      expect(await waitForPosition(activity, head, 10_000)).toBe(true);
      expect(await waitForPosition(hub, head, 10_000)).toBe(true);
      for (const org of ['org-a', 'org-c', 'org-d']) {
        expect((await read.activity.query({ scope: { orgId: org }, window: WINDOW, limit: 10 })).length).toBeGreaterThan(0);
      }
      expect(await read.activity.query({ scope: { orgId: 'org-b' }, window: WINDOW, limit: 10 })).toEqual([]);
      expect((await read.hub.load([{ kind: 'item', id: 'a2' }])).map((r) => r.name)).toEqual(['Item a2']);

      const letters = await read.deadLetters.list();
      expect(letters).toEqual(
        ['activity-log', 'sharing-hub'].map((projector) => ({
          projector,
          position: poison.position,
          eventId: poison.eventIds[0],
          eventType: 'ItemCreated',
          error: expect.stringMatching(/MalformedEventError: .*metadata\.actor\.id .*(must be a non-empty string, got object|is not a string)/),
          failedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          attempts: 1,
        })),
      );
      expect(await read.deadLetters.counts()).toEqual({ 'activity-log': 1, 'sharing-hub': 1 });
      expect(errors).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`dead-lettered event ${poison.eventIds[0]} \\(ItemCreated\\) at position ${poison.position}`)));

      const later = await events.append('vaultItem-e1', [item('org-e', 'e1')], 'any');
      expect(await waitForPosition(activity, later.position, 10_000)).toBe(true);
    });

    it('tries an event that fails on its own a few times before it dead-letters it, and applies the rest of its batch', async () => {
      for (const id of ['x1', 'x2', 'x3']) await events.append(`vaultItem-${id}`, [item('org-x', id)], 'any');
      const [, second] = await events.readAll();
      const activity = new ActivityLogProjector(read.activity);
      let tries = 0;
      // A projector whose store refuses one event whatever is tried, as a bug in a view would.
      const failing: Projector = Object.assign(Object.create(activity) as ActivityLogProjector, {
        applyBatch: (batch: RecordedEvent[]) => {
          if (batch.some((e) => e.id === second.id)) {
            tries += 1;
            return Promise.reject(new Error('CHECK constraint failed: entry'));
          }
          return activity.applyBatch(batch);
        },
      });
      run(failing);
      expect(await waitForPosition(activity, await events.headPosition(), 10_000)).toBe(true);
      expect(tries).toBe(4); // the batch, then three times on its own
      expect(await read.deadLetters.list()).toEqual([expect.objectContaining({ eventId: second.id, attempts: 3, error: 'CHECK constraint failed: entry' })]);
      expect((await read.activity.query({ scope: { orgId: 'org-x' }, window: WINDOW, limit: 10 })).length).toBe(2);
    });
  });
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describeDeadLettering('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dead-letters-read-'));
  dirs.push(dir);
  const db = openReadDatabase(join(dir, 'read-models.sqlite'));
  return { activity: new SqliteActivityLogStore(db), hub: new SqliteSharingHubStore(db), deadLetters: new SqliteDeadLetterStore(db) };
});

describeWithServer('MONGO_URL', 'Dead letters on a real MongoDB-wire server', (url) => {
  const databases = mongoTestDatabases(url);
  afterAll(() => databases.dropAll());

  describeDeadLettering('MongoDB', async () => {
    const db = await databases.fresh();
    const activity = new MongoActivityLogStore(db);
    await activity.ensureIndexes();
    const hub = new MongoSharingHubStore(db);
    await hub.ensureIndexes();
    return { activity, hub, deadLetters: new MongoDeadLetterStore(db) };
  });

  describe('while the read store is down or hangs', () => {
    let dir: string;
    let proxy: TcpProxy;
    let client: MongoClient;
    let direct: Db;
    let runner: ProjectionRunner | undefined;

    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'dead-letters-outage-'));
      proxy = await TcpProxy.start(TcpProxy.targetOf(url));
      direct = await databases.fresh();
      // The projector reaches the server through the proxy; the test reads what it wrote directly.
      client = await connectMongo(`mongodb://127.0.0.1:${proxy.port}/${direct.databaseName}`);
      jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    });
    afterEach(async () => {
      await runner?.stop();
      jest.restoreAllMocks();
      await client.close();
      await proxy.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it.each(['down', 'hang'] as const)('retries when it is %s, dead-letters nothing, and catches up once it is back', async (outage) => {
      const events = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
      const activity = new MongoActivityLogStore(client.db());
      await activity.ensureIndexes();
      const projector = new ActivityLogProjector(activity);
      const seen = { activity: new MongoActivityLogStore(direct), deadLetters: new MongoDeadLetterStore(direct) };
      await events.append('vaultItem-0', [item('org-a', 'i0')], 'any');
      runner = new ProjectionRunner(events, projector, { ...FAST, deadLetters: new MongoDeadLetterStore(client.db()) });
      runner.start();
      expect(await waitForPosition(seen.activity, 0n, 10_000)).toBe(true);

      await proxy[outage]();
      for (let i = 1; i <= 5; i++) await events.append(`vaultItem-${i}`, [item(`org-${i % 2}`, `i${i}`)], 'any');
      // Long enough for many retries, each failing on server selection or on the socket timeout.
      await new Promise((resolve) => setTimeout(resolve, 4000));
      await proxy.forward();

      expect(await waitForPosition(seen.activity, await events.headPosition(), 20_000)).toBe(true);
      expect(await seen.deadLetters.list()).toEqual([]);
      expect((await seen.activity.query({ scope: { orgId: 'org-1' }, window: WINDOW, limit: 10 })).length).toBe(3);
      await runner.stop();
      await events.close();
    }, 40_000);
  });
});
