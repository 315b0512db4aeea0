import { fork } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { NewEvent, SqliteAuditLog, SqliteEventStore } from '@app/event-store';
import { consistencyRanges, inclusionRanges } from '@app/integrity';
import { sampleEvent } from './append.bench';
import { envInt, Figure, withScratchDir } from './bench-utils';

/** Whose the events are: 2,000 organizations of 50 MSPs (as the query bench's world), or a new organization each event. */
type Tenants = '2,000 organizations' | 'a new organization per event';

/**
 * The cost of the Merkle log: events/s through the SQLite port with the log on (the default) and
 * off, in alternating rounds of the same run (so drift on a shared machine hits both), median of
 * each; and the size of a proof at 1,000,000 events. "On" counts all the log's work: its leaves
 * and links written in each append transaction, and the indexing of those leaves (inner nodes,
 * the per-scope index) that the next checkpoint, proof or export runs first, timed after the
 * appends and added to their time.
 * Each event extends its tenants' chains: with 2,000 organizations most chains exist already, as
 * in a deployment; a new organization per event (every event starts a chain) is the worst case.
 */
export async function integrityBench(): Promise<Figure[]> {
  const seconds = envInt('BENCH_INTEGRITY_SECONDS', 2);
  const rounds = envInt('BENCH_INTEGRITY_ROUNDS', 5);
  const figures: Figure[] = [];
  // FULL: what a deployment runs (fsync-bound); OFF: no fsync at all, so the log's CPU cost shows undiluted.
  const cases: [number, 'FULL' | 'OFF', Tenants][] = [
    [1, 'FULL', '2,000 organizations'], [64, 'FULL', '2,000 organizations'], [64, 'OFF', '2,000 organizations'], [64, 'FULL', 'a new organization per event'],
  ];
  const only = process.env.BENCH_INTEGRITY_CASES?.split(',').map(Number);
  for (const [k, [writers, synchronous, tenants]] of cases.entries()) {
    if (only && !only.includes(k)) continue;
    const runs: Record<Mode, Run[]> = { on: [], worker: [], off: [] };
    const orders: Mode[][] = [['on', 'worker', 'off'], ['off', 'worker', 'on'], ['worker', 'off', 'on']];
    for (let r = 0; r < rounds; r++) {
      for (const mode of orders[r % orders.length]) {
        runs[mode].push(await withScratchDir('bench-integrity', (dir) => rate(dir, writers, seconds, mode, synchronous, tenants)));
      }
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const appends = median(runs.on.map((r) => r.appendRate));
    const withIndex = median(runs.on.map((r) => r.rate));
    const withWorker = median(runs.worker.map((r) => r.rate));
    const off = median(runs.off.map((r) => r.rate));
    const indexing = median(runs.on.map((r) => r.indexMicros));
    const tail = median(runs.worker.map((r) => r.indexMicros));
    const note = `synchronous=${synchronous}, median of ${rounds} rounds in rotating order`;
    const variant = `${writers} writer(s), synchronous=${synchronous}, ${tenants}`;
    const cost = (on: number) => `${((100 * (off - on)) / off).toFixed(1)}% below off (target < 20)`;
    figures.push({ figure: 'append + Merkle log', variant: `log on, appends alone, ${variant}`, value: appends, unit: 'events/s', note: `${note}; ${cost(appends)}` });
    figures.push({ figure: 'append + Merkle log', variant: `log on, indexed after the appends, ${variant}`, value: withIndex, unit: 'events/s', note: `indexing ${indexing.toFixed(1)} µs/event; ${cost(withIndex)}` });
    figures.push({ figure: 'append + Merkle log', variant: `log on, indexed meanwhile by a second process, ${variant}`, value: withWorker, unit: 'events/s', note: `its last run after the appends ${tail.toFixed(1)} µs/event; ${cost(withWorker)}` });
    figures.push({ figure: 'append + Merkle log', variant: `log off, ${variant}`, value: off, unit: 'events/s', note });
  }
  const n = 1_000_000;
  let longest = 0;
  for (let i = 0; i < n; i += 997) longest = Math.max(longest, inclusionRanges(i, n).length);
  longest = Math.max(longest, inclusionRanges(n - 1, n).length, inclusionRanges(0, n).length);
  figures.push({ figure: 'proof size', variant: 'inclusion proof at 1,000,000 events (max)', value: longest * 32, unit: 'bytes', note: `${longest} hashes` });
  const consistency = consistencyRanges(913_600, n).length;
  figures.push({ figure: 'proof size', variant: 'consistency proof 913,600 → 1,000,000', value: consistency * 32, unit: 'bytes', note: `${consistency} hashes` });
  return figures;
}

/** One round: events/s over the appends and the log's indexing of them, and the two apart. */
interface Run {
  rate: number;
  appendRate: number;
  indexMicros: number;
}

/** How the log runs in a round: off; on and indexed after the appends (serial: all the log's CPU); on and indexed meanwhile by a second process (the worker, as deployed). */
type Mode = 'off' | 'on' | 'worker';

async function rate(dir: string, writers: number, seconds: number, mode: Mode, synchronous: 'FULL' | 'OFF', tenants: Tenants): Promise<Run> {
  const file = join(dir, 'events.sqlite');
  const store = new SqliteEventStore({ file, synchronous, integrity: mode !== 'off' });
  const indexer = mode === 'worker' ? await startIndexer(file, INDEX_INTERVAL_MS) : undefined;
  const deadline = Date.now() + seconds * 1000;
  let appended = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      let revision: bigint | 'no_stream' = 'no_stream';
      while (Date.now() < deadline) {
        const result = await store.append(`organization-w${w}`, [eventOf(appended, tenants)], revision);
        revision = result.nextExpectedRevision;
        appended += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await store.close();
  if (indexer) {
    const size = await indexer.finish();
    if (size !== appended) throw new Error(`the worker's indexer indexed ${size} leaves for ${appended} events`);
    const total = (performance.now() - started) / 1000;
    return { rate: appended / total, appendRate: appended / elapsed, indexMicros: ((total - elapsed) * 1e6) / appended };
  }
  const indexed = mode === 'on' ? await indexSeconds(file, appended) : 0;
  return { rate: appended / (elapsed + indexed), appendRate: appended / elapsed, indexMicros: (indexed * 1e6) / appended };
}

/** How often the second process indexes: far more often than the checkpointer's minute, so the appends feel every run. */
const INDEX_INTERVAL_MS = 250;

/** What the checkpointer's first step costs: indexing every leaf written (checked to be all of them). */
async function indexSeconds(file: string, appended: number): Promise<number> {
  const log = SqliteAuditLog.openEventsFile(file);
  try {
    const started = performance.now();
    const { size } = await log.state();
    const seconds = (performance.now() - started) / 1000;
    if (size !== appended) throw new Error(`the log indexed ${size} leaves for ${appended} events`);
    return seconds;
  } finally {
    await log.close();
  }
}

function eventOf(i: number, tenants: Tenants): NewEvent {
  const event = sampleEvent(i);
  if (tenants === 'a new organization per event') return event;
  const orgId = `org-${i % 2000}`;
  return { ...event, data: { ...event.data, organizationId: orgId }, metadata: { ...event.metadata, tenant: { mspId: `msp-${i % 2000 % 50}`, orgId } } };
}


/** The indexer of the worker, in a second process, brought up before the appends and told to finish after them. */
export async function startIndexer(file: string, intervalMs: number): Promise<{ finish(): Promise<number> }> {
  const child = fork(join(__dirname, 'support', 'indexer-child.ts'), [file, String(intervalMs)], {
    execArgv: ['-r', join(__dirname, 'support', 'ts-register.js'), '-r', 'tsconfig-paths/register'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  // once() rejects when the child emits 'error'; an exit before its answer is a failure too.
  const exited = once(child, 'exit').then(([code]) => Promise.reject(new Error(`indexer exited ${code} before answering`)));
  exited.catch(() => undefined);
  const answer = async () => ((await Promise.race([once(child, 'message'), exited])) as [{ size?: number }])[0];
  await answer(); // ready
  return {
    finish: async () => {
      const size = answer();
      child.send('stop');
      return (await size).size!;
    },
  };
}
