import { writeFileSync, mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { appendBench } from './append.bench';
import { Figure, printTable } from './bench-utils';
import { historyBench } from './history.bench';
import { ingestBench } from './ingest.bench';
import { lagBench } from './lag.bench';
import { queryBench } from './query.bench';
import { rebuildBench } from './rebuild.bench';

const suites: Record<string, () => Promise<Figure[]>> = { append: appendBench };
suites.export = () => import('./export.bench').then(({ exportBench }) => exportBench());
suites.history = historyBench;
suites.ingest = ingestBench;
suites.integrity = () => import('./integrity.bench').then(({ integrityBench }) => integrityBench());
suites.lag = lagBench;
suites.query = queryBench;
suites.rebuild = rebuildBench;
suites.siem = () => import('./siem.bench').then(({ siemBench }) => siemBench());
suites.pull = () => import('./pull.bench').then(({ pullBench }) => pullBench());
suites.privacy = () => import('./privacy.bench').then(({ privacyBench }) => privacyBench());
suites.relay = () => import('./relay.bench').then(({ relayBench }) => relayBench());

/** `npm run bench [-- name ...]`: runs the chosen suites (all by default), prints a table, writes JSON. */
async function main(): Promise<void> {
  const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(suites);
  const unknown = chosen.filter((name) => !suites[name]);
  if (unknown.length > 0) throw new Error(`unknown bench suite(s): ${unknown.join(', ')}; known: ${Object.keys(suites).join(', ')}`);
  const figures: Figure[] = [];
  for (const name of chosen) {
    console.error(`running ${name}...`);
    figures.push(...(await suites[name]()));
  }
  printTable(figures);
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ ranAt: new Date().toISOString(), machine, figures }, null, 2)}\n`);
  console.log(`\nwritten to ${file}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? (process.env.BENCH_DEBUG ? error.stack : error.message) : error);
  process.exit(1);
});
