import Database from 'better-sqlite3';
import { join } from 'node:path';
import { NewEvent, SqliteEventStore, SqliteSynchronous } from '@app/event-store';
import { envInt, Figure, withScratchDir } from './bench-utils';

/**
 * Figure 1: events/s appended through the event-store port on SQLite, beside raw
 * better-sqlite3 inserts of the same rows on the same disk with the same durability:
 * all rows in one transaction (the ceiling) and one transaction per row (the floor).
 */
export async function appendBench(): Promise<Figure[]> {
  const seconds = envInt('BENCH_APPEND_SECONDS', 3);
  const rawRows = envInt('BENCH_APPEND_RAW_ROWS', 20000);
  const synchronous: SqliteSynchronous = 'FULL';
  const figures: Figure[] = [];
  const note = `synchronous=${synchronous}, WAL`;
  for (const writers of [1, 16, 64]) {
    const rate = await withScratchDir('bench-append', (dir) => portRate(dir, writers, seconds, synchronous));
    figures.push({ figure: 'append', variant: `port, ${writers} writer(s)`, value: rate, unit: 'events/s', note });
  }
  const ceiling = await withScratchDir('bench-raw', (dir) => rawRate(dir, rawRows, true, synchronous));
  figures.push({ figure: 'append', variant: 'raw insert, one transaction (ceiling)', value: ceiling, unit: 'events/s', note });
  const floorRows = Math.min(rawRows, envInt('BENCH_APPEND_FLOOR_ROWS', 2000));
  const floor = await withScratchDir('bench-raw', (dir) => rawRate(dir, floorRows, false, synchronous));
  figures.push({ figure: 'append', variant: 'raw insert, transaction per event (floor)', value: floor, unit: 'events/s', note });
  return figures;
}

export function sampleEvent(i: number): NewEvent {
  return {
    type: 'OrganizationRenamed',
    data: { organizationId: `org-${i}`, previousName: `Customer ${i}`, newName: `Customer ${i} Ltd` },
    metadata: {
      actor: { type: 'member', id: `m-${i % 50}`, email: `admin${i % 50}@msp.example`, name: 'Admin', role: 'msp_admin' },
      tenant: { mspId: `msp-${i % 50}`, orgId: `org-${i}` },
      client: { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (bench)' },
      correlationId: `c-${i}`,
    },
  };
}

async function portRate(dir: string, writers: number, seconds: number, synchronous: SqliteSynchronous): Promise<number> {
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), synchronous });
  const deadline = Date.now() + seconds * 1000;
  let appended = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      let revision: bigint | 'no_stream' = 'no_stream';
      while (Date.now() < deadline) {
        const result = await store.append(`organization-w${w}`, [sampleEvent(appended)], revision);
        revision = result.nextExpectedRevision;
        appended += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await store.close();
  return appended / elapsed;
}

async function rawRate(dir: string, rows: number, oneTransaction: boolean, synchronous: SqliteSynchronous): Promise<number> {
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), synchronous });
  await store.close(); // same schema and pragmas as the port
  const db = new Database(join(dir, 'events.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  const insert = db.prepare(
    `INSERT INTO events (id, stream_id, revision, type, schema_version, occurred_at, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const row = (i: number) => {
    const e = sampleEvent(i);
    insert.run(crypto.randomUUID(), `organization-${i}`, 0, e.type, 1, new Date().toISOString(), JSON.stringify(e.data), JSON.stringify(e.metadata));
  };
  const started = performance.now();
  if (oneTransaction) db.transaction(() => { for (let i = 0; i < rows; i++) row(i); })();
  else for (let i = 0; i < rows; i++) db.transaction(() => row(i))();
  const elapsed = (performance.now() - started) / 1000;
  db.close();
  return rows / elapsed;
}
