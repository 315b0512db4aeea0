import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventMetadata, RecordedEvent, SqliteEventStore } from '@app/event-store';
import { ProjectionRunner } from '../shared/projection-runner';
import { openReadDatabase } from '../shared/sqlite-read-database';
import { waitForPosition } from '../shared/wait-for-position';
import { ActivityLogProjector } from './activity-log.projector';
import { toActivityEntry } from './activity-log.projection';
import { SqliteActivityLogStore } from './sqlite-activity-log.store';

const WINDOW = { from: '2000-01-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z' };

function metadata(mspId: string, orgId?: string): EventMetadata {
  return {
    actor: { type: 'member', id: `admin-${mspId}`, email: `admin@${mspId}.example`, name: 'Admin', role: 'msp_admin' },
    tenant: { mspId, ...(orgId && { orgId }) },
    client: { ip: '203.0.113.7' },
  };
}

describe('ActivityLogProjector with a real event store and read store', () => {
  let dir: string;
  let events: SqliteEventStore;
  let store: SqliteActivityLogStore;
  let projector: ActivityLogProjector;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'activity-projector-'));
    events = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    store = new SqliteActivityLogStore(openReadDatabase(join(dir, 'read.sqlite')));
    projector = new ActivityLogProjector(store);
  });
  afterEach(async () => {
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const rename = (mspId: string, org: string, name: string) =>
    events.append(`organization-${org}`, [{
      type: 'OrganizationRenamed', data: { organizationId: org, previousName: 'x', newName: name }, metadata: metadata(mspId, org),
    }], 'any');
  const all = async (mspId = 'msp-a') => store.query({ scope: { mspId }, window: WINDOW, limit: 1000 });
  const everything = async (): Promise<RecordedEvent[]> => events.readAll();

  it('changes nothing when a batch is applied twice', async () => {
    await rename('msp-a', 'o1', 'A');
    await rename('msp-a', 'o2', 'B');
    const batch = await everything();
    await projector.applyBatch(batch);
    await projector.applyBatch(batch);
    expect(await all()).toHaveLength(2);
    expect(await projector.checkpoint()).toBe(batch[1].position);
  });

  it('loses and duplicates nothing after a crash between the writes and the checkpoint', async () => {
    for (let i = 0; i < 10; i++) await rename('msp-a', `o${i}`, `N${i}`);
    const batch = await everything();
    await projector.applyBatch(batch.slice(0, 4));
    // the crash: rows of the next batch written, checkpoint left where it was
    await store.applyBatch(batch.slice(4, 8).map((e) => toActivityEntry(e)!), batch[3].position);
    expect(await projector.checkpoint()).toBe(batch[3].position);
    const runner = new ProjectionRunner(events, projector, { batchSize: 3 });
    runner.start();
    expect(await waitForPosition(projector, batch[9].position, 5000)).toBe(true);
    await runner.stop();
    const entries = await all();
    expect(entries.map((e) => e.eventId).sort()).toEqual(batch.map((e) => e.id).sort());
  });

  it('keeps every tenant’s events out of the others’ views', async () => {
    await rename('msp-a', 'o1', 'A');
    await rename('msp-b', 'o2', 'B');
    await projector.applyBatch(await everything());
    expect((await all('msp-a')).map((e) => e.orgId)).toEqual(['o1']);
    expect((await all('msp-b')).map((e) => e.orgId)).toEqual(['o2']);
    expect(await store.query({ scope: { orgId: 'o2' }, window: WINDOW, limit: 10 })).toHaveLength(1);
  });

  it('catches up, follows live appends, and resumes from its checkpoint after a restart', async () => {
    await rename('msp-a', 'o1', 'A');
    const runner = new ProjectionRunner(events, projector);
    runner.start();
    const live = await rename('msp-a', 'o2', 'B');
    expect(await waitForPosition(projector, live.position, 5000)).toBe(true);
    await runner.stop();
    const later = await rename('msp-a', 'o3', 'C');
    const restarted = new ProjectionRunner(events, projector);
    restarted.start();
    expect(await waitForPosition(projector, later.position, 5000)).toBe(true);
    await restarted.stop();
    expect(await all()).toHaveLength(3);
  });

  it('retries after a failing batch and then applies everything once', async () => {
    await rename('msp-a', 'o1', 'A');
    const head = (await rename('msp-a', 'o2', 'B')).position;
    let failures = 1;
    const flaky = Object.create(projector) as ActivityLogProjector;
    flaky.applyBatch = async (batch) => {
      if (failures-- > 0) throw new Error('read store unavailable');
      return projector.applyBatch(batch);
    };
    const runner = new ProjectionRunner(events, flaky, { backoffMs: 10 });
    runner.start();
    expect(await waitForPosition(projector, head, 5000)).toBe(true);
    await runner.stop();
    expect(await all()).toHaveLength(2);
  });

  it('skips events the log does not show but still moves its checkpoint', async () => {
    const { position } = await events.append('other-1', [{ type: 'SomethingInternal', data: {}, metadata: metadata('msp-a') }], 'any');
    await projector.applyBatch(await everything());
    expect(await all()).toEqual([]);
    expect(await projector.checkpoint()).toBe(position);
  });
});
