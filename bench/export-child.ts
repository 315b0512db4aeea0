import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { MSP_CATEGORIES } from '@app/domain';
import { openReadDatabase, SqliteActivityLogStore } from '@app/projections';
import { ExportFormat } from '@app/queries/exports/export-format';
import { streamExport } from '@app/queries/exports/export-stream';
import { unsealedData } from '@app/privacy/testing/privacy.testing';

/**
 * One measurement in a process of its own, so that its peak RSS is the export's alone:
 *   export-child.ts <file> export <csv|jsonl> <mspId> <from> <to>   runs the real export pipeline
 *   export-child.ts <file> floor                                     only opens the database (the floor)
 * Prints one JSON line: rows, bytes, seconds, peak RSS sampled every 50 ms and VmHWM, in bytes.
 */
export interface ChildResult {
  rows: number;
  bytes: number;
  seconds: number;
  sampledPeakRss: number;
  vmHwm: number;
}

function vmHwmBytes(): number {
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
  if (!match) throw new Error('no VmHWM in /proc/self/status');
  return Number(match[1]) * 1024;
}

async function main(): Promise<void> {
  const [file, mode, format, mspId, from, to] = process.argv.slice(2);
  if (!file || (mode !== 'export' && mode !== 'floor')) throw new Error('usage: export-child.ts <file> export|floor [format mspId from to]');
  let sampledPeakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    sampledPeakRss = Math.max(sampledPeakRss, process.memoryUsage().rss);
  }, 50);
  const db = openReadDatabase(file);
  const store = new SqliteActivityLogStore(db);
  let rows = 0;
  let bytes = 0;
  let seconds = 0;
  if (mode === 'export') {
    // Counts and discards: what an HTTP client reading as fast as it can would cost the server.
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    });
    // The MSP Activity Log export, scoped as ActivityLogService.mspLog scopes it.
    // The generated entries are in clear: revealing them walks each row and finds nothing to open.
    const source = { store, query: { scope: { mspId }, categories: MSP_CATEGORIES }, window: { from, to }, audience: 'msp' as const, personalData: unsealedData };
    const started = performance.now();
    rows = (await streamExport(source, format as ExportFormat, sink)).rows;
    seconds = (performance.now() - started) / 1000;
  } else {
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the sampler see the idle process
  }
  clearInterval(sampler);
  sampledPeakRss = Math.max(sampledPeakRss, process.memoryUsage().rss);
  db.close();
  const result: ChildResult = { rows, bytes, seconds, sampledPeakRss, vmHwm: vmHwmBytes() };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
