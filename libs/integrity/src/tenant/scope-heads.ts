/**
 * The scope-heads tree: at each checkpoint, an RFC 9162 tree whose leaves are the head
 * records of every scope with events, sorted by scope. Its root and leaf count go into the
 * signed checkpoint, so the checkpoint commits to how many events each tenant has, and one
 * tenant's auditor proves its own head with an inclusion proof that shows nothing of the
 * other tenants but hashes.
 *
 * Head record (the leaf data), UTF-8 text:
 *
 *   scope-head/v1
 *   scope <scope>
 *   count <decimal>
 *   last <leaf index> <base64 leaf hash>
 */
import { ScopeHeadsCommitment } from '../checkpoint/audit-checkpoint';
import { fromBase64, Hash, HASH_SIZE, toBase64, utf8 } from '../bytes';
import { inclusionPath, leafHash, treeHash, verifyInclusion } from '../merkle/rfc9162';
import { isTreeSize } from '../merkle/tree-math';
import { compareScopes, isScope, ScopeHead, TenantChainError } from './tenant-chain';

export interface ScopeHeadProof {
  /** The head's leaf index in the scope-heads tree. */
  index: number;
  proof: Hash[];
}

export function scopeHeadRecord(head: ScopeHead): Uint8Array {
  if (!isScope(head.scope) || !isTreeSize(head.count) || head.count < 1) throw new TenantChainError('bad scope head');
  if (!isTreeSize(head.lastIndex) || head.lastLeafHash.length !== HASH_SIZE)
    throw new TenantChainError('bad scope head');
  return utf8(
    `scope-head/v1\nscope ${head.scope}\ncount ${head.count}\nlast ${head.lastIndex} ${toBase64(head.lastLeafHash)}\n`,
  );
}

/** Reads a head record back (the verifier gets heads in this form); undefined when it is not one. */
export function parseScopeHeadRecord(record: string): ScopeHead | undefined {
  const m = /^scope-head\/v1\nscope (\S+)\ncount (\d+)\nlast (\d+) (\S+)\n$/.exec(record);
  if (!m) return undefined;
  try {
    const head = { scope: m[1], count: Number(m[2]), lastIndex: Number(m[3]), lastLeafHash: fromBase64(m[4]) };
    return Buffer.from(scopeHeadRecord(head)).toString('utf8') === record ? head : undefined;
  } catch {
    return undefined;
  }
}

/** The tree over a set of heads (any order in, sorted by scope inside). */
export class ScopeHeadsTree {
  private readonly heads: ScopeHead[];
  private readonly leaves: Hash[];

  constructor(heads: readonly ScopeHead[]) {
    this.heads = [...heads].sort((a, b) => compareScopes(a.scope, b.scope));
    this.heads.forEach((h, i) => {
      if (i > 0 && this.heads[i - 1].scope === h.scope) throw new TenantChainError(`scope ${h.scope} twice`);
    });
    this.leaves = this.heads.map((h) => leafHash(scopeHeadRecord(h)));
  }

  commitment(): ScopeHeadsCommitment {
    return { count: this.leaves.length, root: treeHash(this.leaves) };
  }

  head(scope: string): ScopeHead | undefined {
    return this.heads.find((h) => h.scope === scope);
  }

  /** The inclusion proof of a scope's head; undefined when the scope has no event yet. */
  proof(scope: string): ScopeHeadProof | undefined {
    const index = this.heads.findIndex((h) => h.scope === scope);
    return index < 0 ? undefined : { index, proof: inclusionPath(index, this.leaves) };
  }
}

export function verifyScopeHead(head: ScopeHead, proof: ScopeHeadProof, commitment: ScopeHeadsCommitment): boolean {
  let record: Uint8Array;
  try {
    record = scopeHeadRecord(head);
  } catch {
    return false;
  }
  return verifyInclusion(proof.index, commitment.count, leafHash(record), proof.proof, commitment.root);
}
