/**
 * Figures for the integrity core (not a timed test): proof sizes for a tree of 1,000,000
 * events and how fast the incremental Merkle tree takes leaves.
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register bench/integrity-figures.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  CompactRange,
  InMemoryMerkleNodeStore,
  leafHash,
  MerkleLog,
  SqliteMerkleNodeStore,
  verifyConsistency,
  verifyInclusion,
  verifyExport,
} from '@app/integrity';
import { buildSampleLog } from '@app/integrity/testing/sample-log';

const N = 1_000_000;
const BATCH = 500;

function leaves(n: number): Uint8Array[] {
  return Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`{"id":"event-${i}","data":{"n":${i}}}`)));
}

async function timeAppends(log: MerkleLog, all: Uint8Array[]): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < all.length; i += BATCH) await log.append(all.slice(i, i + BATCH));
  return all.length / ((performance.now() - start) / 1000);
}

async function main(): Promise<void> {
  const all = leaves(N);
  const range = CompactRange.empty();
  let start = performance.now();
  for (const leaf of all) range.append(leaf);
  const borderOnly = N / ((performance.now() - start) / 1000);

  const log = await MerkleLog.open(new InMemoryMerkleNodeStore());
  const inMemory = await timeAppends(log, all);

  const dir = mkdtempSync(join(tmpdir(), 'integrity-figures-'));
  const sqlite = SqliteMerkleNodeStore.openFile(join(dir, 'nodes.sqlite'));
  const onSqlite = await timeAppends(await MerkleLog.open(sqlite), all.slice(0, 200_000));
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });

  const root = log.root();
  const lengths: number[] = [];
  start = performance.now();
  for (let i = 0; i < N; i += 9973) {
    const proof = await log.inclusionProof(i, N);
    if (!verifyInclusion(i, N, all[i], proof, root)) throw new Error(`proof of ${i} does not verify`);
    lengths.push(proof.length);
  }
  const proofMs = (performance.now() - start) / lengths.length;
  const consistency = await log.consistencyProof(N - 1440 * 60, N); // a day of checkpoints at 60 events/min earlier
  if (!verifyConsistency(N - 1440 * 60, N, await log.rootAt(N - 1440 * 60), root, consistency))
    throw new Error('consistency');

  const sample = await buildSampleLog(40_000);
  const exported = await sample.log.exportScope('msp:m1');
  start = performance.now();
  const report = verifyExport(exported, { trustedKeys: sample.trustedKeys });
  const verifySeconds = (performance.now() - start) / 1000;
  if (!report.valid) throw new Error('the sample export does not verify');
  const exportedEvents = report.events.length;

  const rows: Array<[string, string]> = [
    ['tree size', N.toLocaleString('en')],
    ['inclusion proof, hashes (min / max)', `${Math.min(...lengths)} / ${Math.max(...lengths)}`],
    ['inclusion proof, bytes (max)', `${Math.max(...lengths) * 32}`],
    ['consistency proof 913,600 → 1,000,000, hashes / bytes', `${consistency.length} / ${consistency.length * 32}`],
    ['appends/s, border only (hashing, no store)', Math.round(borderOnly).toLocaleString('en')],
    ['appends/s, MerkleLog + in-memory store', Math.round(inMemory).toLocaleString('en')],
    ['appends/s, MerkleLog + SQLite store (200k, batches of 500)', Math.round(onSqlite).toLocaleString('en')],
    ['inclusion proof from the in-memory store, ms', proofMs.toFixed(3)],
    [
      `verifyExport: ${exportedEvents} events, ${report.checkpoints.length} checkpoints, events/s`,
      Math.round(exportedEvents / verifySeconds).toLocaleString('en'),
    ],
    [
      'export size, bytes per event (all lines / events)',
      Math.round(exported.join('\n').length / exportedEvents).toLocaleString('en'),
    ],
  ];
  for (const [k, v] of rows) console.log(`${k.padEnd(60)} ${v}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
