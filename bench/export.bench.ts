import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openReadDatabase, SqliteActivityLogStore } from '@app/projections';
import { syntheticEntries, SyntheticRun } from '@app/queries/exports/synthetic-entries';
import { Figure, withScratchDir } from './bench-utils';
import type { ChildResult } from './export-child';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const MIB = 2 ** 20;
const SEED_BATCH = 10_000;
const MSP_ID = 'msp-bench';
/** Every entry inside one 90-day window: the longest export a user can ask for. */
const WINDOW = { from: '2026-01-01T00:00:00.000Z', to: '2026-03-31T00:00:00.000Z' };

/**
 * CSV export rows/s and peak memory (DESIGN §8): N entries of one MSP in a fresh read
 * database, exported through the very streaming function the HTTP route uses, in a child
 * process per size so that its peak RSS is the export's own; beside the floor (a child
 * that only opens the database). Flat memory means the peaks stay near the floor at any N.
 */
export async function exportBench(): Promise<Figure[]> {
  const sizes = exportSizes();
  const figures: Figure[] = [];
  let floor: ChildResult | undefined;
  for (const size of sizes) {
    await withScratchDir('bench-export', async (dir) => {
      const file = join(dir, 'read-models.sqlite');
      const seeded = seed(file, size);
      console.error(`  export: seeded ${size.toLocaleString('en-US')} entries in ${seeded.toFixed(1)} s`);
      floor ??= await child(file, ['floor']);
      const result = await child(file, ['export', 'csv', MSP_ID, WINDOW.from, WINDOW.to]);
      if (result.rows !== size) throw new Error(`the export wrote ${result.rows} rows, expected ${size}`);
      const label = `CSV ${size.toLocaleString('en-US')} entries`;
      const note = `${(result.bytes / MIB).toFixed(0)} MiB of CSV in ${result.seconds.toFixed(1)} s`;
      figures.push({ figure: 'export', variant: label, value: result.rows / result.seconds, unit: 'rows/s', note });
      figures.push({
        figure: 'export', variant: `${label} peak RSS`, value: result.vmHwm / MIB, unit: 'MiB',
        note: `VmHWM; sampled every 50 ms: ${(result.sampledPeakRss / MIB).toFixed(1)} MiB`,
      });
    });
  }
  if (floor) {
    figures.push({
      figure: 'export', variant: 'floor: child that only opens the DB, peak RSS', value: floor.vmHwm / MIB, unit: 'MiB',
      note: `VmHWM; sampled: ${(floor.sampledPeakRss / MIB).toFixed(1)} MiB`,
    });
  }
  return figures;
}

function exportSizes(): number[] {
  const value = process.env.BENCH_EXPORT_SIZES ?? '200000,1000000';
  const sizes = value.split(',').map((s) => s.trim());
  if (sizes.length === 0 || !sizes.every((s) => /^[1-9]\d*$/.test(s))) {
    throw new Error(`BENCH_EXPORT_SIZES must be whole numbers separated by commas (got ${JSON.stringify(value)})`);
  }
  return sizes.map(Number);
}

/** A deterministic run of `size` entries spread over the window, written through the store in transactions of 10k. */
function seed(file: string, size: number): number {
  const started = performance.now();
  const db = openReadDatabase(file);
  const store = new SqliteActivityLogStore(db);
  const span = Date.parse(WINDOW.to) - Date.parse(WINDOW.from);
  const run: SyntheticRun = {
    mspId: MSP_ID, startMs: Date.parse(WINDOW.from), stepMs: Math.max(1, Math.floor(span / size)), positionBase: 1n, idPrefix: 'bench',
  };
  for (let i = 0; i < size; i += SEED_BATCH) {
    const end = Math.min(size, i + SEED_BATCH);
    void store.applyBatch(syntheticEntries(run, i, end), BigInt(end)); // synchronous underneath
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return (performance.now() - started) / 1000;
}

/** `BENCH_CHILD_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p"` profiles the export child (NODE_OPTIONS refuses --cpu-prof). */
const CHILD_NODE_ARGS = (process.env.BENCH_CHILD_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');

async function child(file: string, args: string[]): Promise<ChildResult> {
  const { stdout } = await run(
    process.execPath,
    [...CHILD_NODE_ARGS, '-r', join(ROOT, 'bench', 'support', 'ts-register.js'), '-r', 'tsconfig-paths/register', join('bench', 'export-child.ts'), file, ...args],
    { cwd: ROOT, maxBuffer: 1024 * 1024, env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') } },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as ChildResult;
}
