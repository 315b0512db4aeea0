import Database from 'better-sqlite3';
import { join } from 'node:path';
import { NewEvent, SqliteEventStore, SqliteSynchronous } from '@app/event-store';
import { envInt, Figure, withScratchDir } from './bench-utils';
import { median } from './support/stats';

/**
 * Figure 1: events/s appended through the event-store port on SQLite, beside raw
 * better-sqlite3 inserts of the same rows on the same disk with the same durability:
 * all rows in one transaction (the ceiling), one transaction per 64 rows (as many fsyncs as group
 * commit can make with 64 writers waiting) and one transaction per row (the floor).
 */
export async function appendBench(): Promise<Figure[]> {
  const seconds = envInt('BENCH_APPEND_SECONDS', 3);
  const rawRows = envInt('BENCH_APPEND_RAW_ROWS', 20000);
  const floorRows = Math.min(rawRows, envInt('BENCH_APPEND_FLOOR_ROWS', 2000));
  const rounds = envInt('BENCH_APPEND_ROUNDS', 3);
  const synchronous: SqliteSynchronous = 'FULL';
  const note = `synchronous=${synchronous}, WAL; median of ${rounds} alternating rounds`;
  const variants: [string, (dir: string) => Promise<number>][] = [
    ['port, 1 writer', (dir) => portRate(dir, 1, seconds, synchronous)],
    ['port, 16 writers', (dir) => portRate(dir, 16, seconds, synchronous)],
    ['port, 64 writers, one-event appends to new streams', (dir) => portRate(dir, 64, seconds, synchronous)],
    ['raw insert, one transaction (ceiling)', (dir) => rawRate(dir, rawRows, rawRows, synchronous)],
    ['raw insert, one transaction per 64 rows (the fsyncs of 64 writers)', (dir) => rawRate(dir, rawRows, 64, synchronous)],
    ['raw insert, transaction per event (floor)', (dir) => rawRate(dir, floorRows, 1, synchronous)],
  ];
  const rates = new Map<string, number[]>();
  for (let round = 0; round < rounds; round++) {
    for (const [name, measure] of variants) {
      rates.set(name, [...(rates.get(name) ?? []), await withScratchDir('bench-append', measure)]);
    }
  }
  const rate = (name: string) => median(rates.get(name)!);
  const ceiling = rate(variants[3][0]);
  return variants.map(([name], i) => ({
    figure: 'append', variant: name, value: rate(name), unit: 'events/s',
    note: i === 2 ? `${note}; ${((100 * rate(name)) / ceiling).toFixed(0)}% of raw inserts in one transaction (target ≥ 50%), ${((100 * rate(name)) / rate(variants[4][0])).toFixed(0)}% of raw inserts with the same fsyncs` : i === 0 ? note : undefined,
  }));
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

/** Each writer appends one event at a time to a new stream (no_stream), waiting for each answer, until the deadline. */
async function portRate(dir: string, writers: number, seconds: number, synchronous: SqliteSynchronous): Promise<number> {
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), synchronous });
  const deadline = Date.now() + seconds * 1000;
  let appended = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (Date.now() < deadline) {
        const i = appended++;
        await store.append(`organization-${i}`, [sampleEvent(i)], 'no_stream');
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await store.close();
  return appended / elapsed;
}

/** The same rows as the port writes (a new stream each), inserted with better-sqlite3, `perTransaction` rows per commit. */
async function rawRate(dir: string, rows: number, perTransaction: number, synchronous: SqliteSynchronous): Promise<number> {
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
  const chunk = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) row(i);
  });
  const started = performance.now();
  for (let i = 0; i < rows; i += perTransaction) chunk(i, Math.min(rows, i + perTransaction));
  const elapsed = (performance.now() - started) / 1000;
  db.close();
  return rows / elapsed;
}
