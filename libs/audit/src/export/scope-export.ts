import { exportLine, MerkleLog, ScopeHeadsTree } from '@app/integrity';
import { AuditLog, StoredCheckpoint } from '@app/event-store';

export interface ScopeExportOptions {
  /** Start at the last checkpoint signed at or before this time (ISO): a partial export. */
  from?: string;
  /** Only checkpoints signed at or before this time (ISO). */
  to?: string;
}

const PAGE = 500;

/**
 * The checkpoints an export of `scope` relies on: those at which the scope's head moved, and
 * the latest (which proves nothing was appended to the scope since), within the bounds.
 * Undefined when no checkpoint covers anything yet.
 */
export interface ExportPlan {
  checkpoints: StoredCheckpoint[];
  /** Starts after the scope's first events (date bound): its first checkpoint anchors the start. */
  partial: boolean;
}

export async function planExport(log: AuditLog, scope: string, options: ScopeExportOptions): Promise<ExportPlan> {
  const latest = await log.latestCheckpoint();
  if (!latest) return { checkpoints: [], partial: false };
  const sizes = [...new Set([...(await log.scopeCheckpointSizes(scope)), latest.treeSize])].sort((a, b) => a - b);
  let cps = (await Promise.all(sizes.map((s) => log.checkpointAt(s)))).filter((c): c is StoredCheckpoint => !!c);
  if (options.to) cps = cps.filter((c) => c.time <= options.to!);
  let start = -1;
  if (options.from) cps.forEach((c, i) => void (c.time <= options.from! && (start = i)));
  return { checkpoints: start > 0 ? cps.slice(start) : cps, partial: start > 0 };
}

/**
 * One scope's integrity export (libs/integrity's format), line by line: header, checkpoints,
 * consistency proofs, the scope's head at each checkpoint, its events with inclusion proofs,
 * end. Only this scope's events are in it; other tenants appear as hashes inside proofs.
 */
export async function* scopeExportLines(
  log: AuditLog,
  origin: string,
  scope: string,
  plan: ExportPlan,
  verifierKeys?: string[],
): AsyncGenerator<string> {
  const cps = plan.checkpoints;
  const merkle = await log.merkle();
  const heads = await Promise.all(cps.map(async (c) => new ScopeHeadsTree(await log.headsAt(c.treeSize))));
  const fromSeq = plan.partial ? (heads[0].head(scope)?.count ?? 0) : 0;
  yield exportLine.header(origin, scope, fromSeq, verifierKeys);
  for (const c of cps) yield exportLine.checkpoint(c.note);
  for (let i = 1; i < cps.length; i++) {
    yield exportLine.consistency(cps[i - 1].treeSize, cps[i].treeSize, await merkle.consistencyProof(cps[i - 1].treeSize, cps[i].treeSize));
  }
  for (let i = 0; i < cps.length; i++) {
    const head = heads[i].head(scope);
    const proof = heads[i].proof(scope);
    if (head && proof) yield exportLine.head(cps[i].treeSize, head, proof);
  }
  yield* eventLines(log, merkle, scope, cps, fromSeq);
  yield exportLine.end();
}

async function* eventLines(log: AuditLog, merkle: MerkleLog, scope: string, cps: readonly StoredCheckpoint[], fromSeq: number): AsyncGenerator<string> {
  if (cps.length === 0) return;
  const below = cps[cps.length - 1].treeSize;
  let c = 0;
  for (let seq = fromSeq; ; ) {
    const page = await log.scopeEntries(scope, { fromSeq: seq, belowLeaf: below, limit: PAGE });
    for (const entry of page) {
      while (cps[c].treeSize <= entry.leafIndex) c++;
      const treeSize = cps[c].treeSize;
      yield exportLine.event(entry.leafIndex, treeSize, await log.leafBytes(entry.leafIndex), await merkle.inclusionProof(entry.leafIndex, treeSize));
    }
    if (page.length < PAGE) return;
    seq = page[page.length - 1].seq + 1;
  }
}
