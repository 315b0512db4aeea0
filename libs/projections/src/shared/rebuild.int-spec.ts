import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewEvent, SqliteEventStore } from '@app/event-store';
import { ActivityLogProjector } from '../activity-log/activity-log.projector';
import { SqliteActivityLogStore } from '../activity-log/sqlite-activity-log.store';
import { ProjectionRunner } from './projection-runner';
import { rebuildView } from './rebuild';
import { openReadDatabase } from './sqlite-read-database';
import { waitForPosition } from './wait-for-position';

function renamed(i: number): NewEvent {
  return {
    type: i % 7 === 0 ? 'UnloggedInternalEvent' : 'OrganizationRenamed',
    data: { organizationId: `org-${i % 13}`, previousName: `N${i - 1}`, newName: `N${i}` },
    metadata: {
      actor: { type: 'member', id: `m-${i % 5}`, email: `m${i % 5}@msp.example`, role: 'msp_admin' },
      tenant: { mspId: `msp-${i % 3}`, orgId: `org-${i % 13}` },
      client: { ip: `198.51.100.${i % 250}` },
    },
  };
}

describe('rebuildView', () => {
  it('rebuilds a view equal to the one built live, reporting progress', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rebuild-'));
    const events = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    const db = openReadDatabase(join(dir, 'read.sqlite'));
    const projector = new ActivityLogProjector(new SqliteActivityLogStore(db));
    const runner = new ProjectionRunner(events, projector, { batchSize: 37 });
    runner.start();
    let head = 0n;
    for (let i = 1; i <= 400; i++) head = (await events.append(`organization-org-${i % 13}`, [renamed(i)], 'any')).position;
    expect(await waitForPosition(projector, head, 10_000)).toBe(true);
    await runner.stop();
    const dump = (d: Database.Database) => d.prepare('SELECT * FROM activity_entries ORDER BY event_id').all();
    const live = dump(db);
    expect(live.length).toBe(400 - Math.floor(400 / 7));

    const reports: bigint[] = [];
    const result = await rebuildView(events, projector, { batchSize: 100, onProgress: (p) => reports.push(p.position) });
    expect(dump(db)).toEqual(live);
    expect(result).toEqual({ applied: 400, position: head, head });
    expect(reports).toEqual([100n, 200n, 300n, 400n]);
    expect(await projector.checkpoint()).toBe(head);

    await events.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
