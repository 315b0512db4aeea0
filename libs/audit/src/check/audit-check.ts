import {
  bytesEqual, CompactRange, Hash, leafHash, openCheckpoint, linksToHead, parseVerifierKey, readStoredEventJson, ScopeHead, ScopeHeadsTree,
} from '@app/integrity';
import { AuditLog } from '@app/event-store';

export interface AuditCheckFinding {
  kind: 'altered' | 'missing' | 'broken-chain' | 'root-mismatch' | 'heads-mismatch' | 'bad-signature' | 'unlogged';
  message: string;
  leafIndex?: number;
  position?: string;
}

export interface AuditCheckReport {
  ok: boolean;
  leaves: number;
  checkpoints: number;
  findings: AuditCheckFinding[];
}

/** What the inline log also offers: the store's events that are not leaves of the log. */
interface UnloggedPositions {
  positionsNotInLog(limit: number): Promise<bigint[]>;
}

const MAX_FINDINGS = 100;

/**
 * The whole store against its log: recomputes every leaf from the stored bytes and compares it
 * with the stored leaf, replays every chain link, recomputes the root and the scope heads at
 * each signed checkpoint and checks its signature. Anything changed in the store file after it
 * was written (an event, a node, a head, a checkpoint) is reported.
 */
export async function auditCheck(log: AuditLog, verifierKeys: readonly string[]): Promise<AuditCheckReport> {
  const findings: AuditCheckFinding[] = [];
  const add = (f: AuditCheckFinding) => void (findings.length < MAX_FINDINGS && findings.push(f));
  const verifiers = verifierKeys.map(parseVerifierKey);
  const { size } = await log.state();
  const merkle = await log.merkle();
  const checkpoints = await log.checkpoints();
  const range = CompactRange.empty();
  const heads = new Map<string, ScopeHead>();
  let next = 0;
  for (let i = 0; i < size; i++) {
    const position = (await log.positionOfLeaf(i))?.toString();
    const bytes = await log.leafBytes(i).catch(() => undefined);
    if (!bytes) add({ kind: 'missing', message: `leaf ${i}: its event (position ${position}) is not in the store`, leafIndex: i, position });
    const stored = await merkle.leafHashAt(i).catch(() => undefined);
    const leaf = bytes ? leafHash(bytes) : (stored ?? new Uint8Array(32));
    if (bytes && stored && !bytesEqual(leaf, stored)) {
      add({ kind: 'altered', message: `leaf ${i} (position ${position}): the stored event's bytes no longer hash to its leaf`, leafIndex: i, position });
    }
    if (bytes) checkLinks(bytes, i, leaf, heads, (message) => add({ kind: 'broken-chain', message, leafIndex: i, position }));
    range.append(stored ?? leaf);
    while (next < checkpoints.length && checkpoints[next].treeSize === i + 1) {
      checkCheckpoint(checkpoints[next].note, range.root(), [...heads.values()], verifiers, add);
      next++;
    }
  }
  if ((await log.merkle()).size !== size) add({ kind: 'missing', message: `the tree holds ${merkle.size} leaves, the leaf table ${size}` });
  const unlogged = 'positionsNotInLog' in log ? await (log as unknown as UnloggedPositions).positionsNotInLog(10) : [];
  for (const p of unlogged) add({ kind: 'unlogged', message: `the event at position ${p} is in the store but not in the log`, position: p.toString() });
  return { ok: findings.length === 0, leaves: size, checkpoints: checkpoints.length, findings };
}

function checkLinks(bytes: Uint8Array, index: number, leaf: Hash, heads: Map<string, ScopeHead>, fail: (m: string) => void): void {
  let links;
  try {
    links = readStoredEventJson(bytes)?.links;
  } catch {
    links = undefined;
  }
  if (!links) return fail(`leaf ${index}: the stored event carries no readable chain links`);
  for (const link of links) {
    const head = heads.get(link.scope);
    const seq = head ? head.count : 0;
    if (link.seq !== seq || !linksToHead(link, head)) fail(`leaf ${index}: chain ${link.scope} expected seq ${seq}, found ${link.seq} (an event of the scope was removed, reordered or changed)`);
    heads.set(link.scope, { scope: link.scope, count: link.seq + 1, lastIndex: index, lastLeafHash: leaf });
  }
}

function checkCheckpoint(
  note: string, root: Hash, heads: ScopeHead[], verifiers: ReturnType<typeof parseVerifierKey>[], add: (f: AuditCheckFinding) => void,
): void {
  const opened = openCheckpoint(note, verifiers);
  const cp = opened.checkpoint;
  if (opened.status !== 'verified' || !cp) {
    return add({ kind: 'bad-signature', message: `checkpoint ${cp?.size ?? '?'}: ${opened.status}${opened.reason ? ` (${opened.reason})` : ''}` });
  }
  if (!bytesEqual(cp.rootHash, root)) add({ kind: 'root-mismatch', message: `checkpoint ${cp.size}: the stored tree's root is not the signed one` });
  const commitment = new ScopeHeadsTree(heads).commitment();
  if (commitment.count !== cp.scopeHeads.count || !bytesEqual(commitment.root, cp.scopeHeads.root)) {
    add({ kind: 'heads-mismatch', message: `checkpoint ${cp.size}: the scope heads recomputed from the stored events are not the signed ones` });
  }
}
