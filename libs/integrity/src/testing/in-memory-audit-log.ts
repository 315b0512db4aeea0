/**
 * The whole integrity flow in memory, as the event store will run it: each event gets its
 * chain links, its canonical bytes and a Merkle leaf; checkpoints sign the tree and the
 * scope heads; an export gathers one scope's events with their proofs. Tests build real
 * exports with it; it is also the reference for the integration.
 */
import { Hash, toBase64, utf8 } from '../bytes';
import { AuditCheckpoint, signCheckpoint } from '../checkpoint/audit-checkpoint';
import { NoteSigner, parseSignerKey } from '../checkpoint/note-keys';
import { InMemoryMerkleNodeStore } from '../merkle/in-memory-merkle-node-store';
import { MerkleLog } from '../merkle/merkle-log';
import { leafHash } from '../merkle/rfc9162';
import { ScopeHeadsTree } from '../tenant/scope-heads';
import { ChainLink, TenantChains, tenantScopes } from '../tenant/tenant-chain';
import { exportLine } from '../verifier/export-format';

export interface AuditEventInput {
  type: string;
  tenant: { mspId?: string; orgId?: string };
  data: Record<string, unknown>;
}

/** Where the chain links go: into the stored event's metadata, or an envelope around it. */
export type LinksIn = 'metadata' | 'envelope';
/** How links name the scope's previous leaf: by index, or by hash as logs written before 2026-12 did. */
export type PrevAs = 'index' | 'hash';

interface SignedCheckpoint {
  cp: AuditCheckpoint;
  note: string;
  heads: ScopeHeadsTree;
}

export class InMemoryAuditLog {
  private readonly chains = TenantChains.empty();
  private readonly entries: Uint8Array[] = [];
  private readonly byScope = new Map<string, number[]>();
  private readonly signed: SignedCheckpoint[] = [];
  private signers: NoteSigner[];

  private constructor(
    readonly origin: string,
    private readonly log: MerkleLog,
    signerKeys: readonly string[],
    private readonly linksIn: LinksIn,
    private readonly prevAs: PrevAs,
  ) {
    this.signers = signerKeys.map(parseSignerKey);
  }

  static async create(
    origin: string,
    signerKeys: readonly string[],
    linksIn: LinksIn = 'metadata',
    prevAs: PrevAs = 'index',
  ): Promise<InMemoryAuditLog> {
    return new InMemoryAuditLog(origin, await MerkleLog.open(new InMemoryMerkleNodeStore()), signerKeys, linksIn, prevAs);
  }

  get size(): number {
    return this.log.size;
  }

  get checkpoints(): readonly SignedCheckpoint[] {
    return this.signed;
  }

  /** Key rotation: checkpoints from now on are signed by these keys. */
  useSigners(signerKeys: readonly string[]): void {
    this.signers = signerKeys.map(parseSignerKey);
  }

  async append(input: AuditEventInput): Promise<{ leafIndex: number; links: ChainLink[]; bytes: Uint8Array }> {
    const links = this.chains.linksFor(tenantScopes(input.tenant)).map((link): ChainLink => {
      const head = this.chains.head(link.scope);
      return this.prevAs === 'hash' && head ? { ...link, prev: toBase64(head.lastLeafHash) } : link;
    });
    const n = this.log.size;
    const event = {
      id: `00000000-0000-7000-8000-${n.toString().padStart(12, '0')}`,
      type: input.type,
      schemaVersion: 1,
      streamId: `test-${n}`,
      revision: '0',
      occurredAt: new Date(Date.UTC(2024, 0, 1) + n * 1000).toISOString(),
      data: input.data,
      metadata: { actor: { type: 'member', id: 'u-1' }, tenant: input.tenant, client: { ip: '192.0.2.1' } },
    };
    const leafData =
      this.linksIn === 'metadata'
        ? { ...event, metadata: { ...event.metadata, integrity: { chains: links } } }
        : { integrity: { chains: links }, event };
    const bytes = utf8(JSON.stringify(leafData));
    const leaf = leafHash(bytes);
    const { firstIndex } = await this.log.append([leaf]);
    this.chains.advance(links, firstIndex, leaf);
    this.entries.push(bytes);
    for (const l of links) this.byScope.set(l.scope, [...(this.byScope.get(l.scope) ?? []), firstIndex]);
    return { leafIndex: firstIndex, links, bytes };
  }

  /** Signs the current tree and every scope's head. */
  checkpoint(time: string): string {
    const heads = new ScopeHeadsTree(this.chains.heads());
    const cp: AuditCheckpoint = {
      origin: this.origin,
      size: this.log.size,
      rootHash: this.log.root(),
      time,
      scopeHeads: heads.commitment(),
    };
    const note = signCheckpoint(cp, this.signers);
    this.signed.push({ cp, note, heads });
    return note;
  }

  /**
   * The export of one scope: every checkpoint from `fromCheckpoint` (an index into
   * `checkpoints`; all of them by default), and the scope's events from the head at that
   * checkpoint up to the last one, each proven against the first checkpoint that holds it.
   */
  async exportScope(scope: string, fromCheckpoint?: number): Promise<string[]> {
    const cps = distinctSizes(this.signed.slice(fromCheckpoint ?? 0));
    const last = cps[cps.length - 1];
    const fromSeq = fromCheckpoint === undefined ? 0 : (cps[0].heads.head(scope)?.count ?? 0);
    const lines = [exportLine.header(this.origin, scope, fromSeq), ...cps.map((c) => exportLine.checkpoint(c.note))];
    for (let i = 1; i < cps.length; i++) {
      const proof = await this.log.consistencyProof(cps[i - 1].cp.size, cps[i].cp.size);
      lines.push(exportLine.consistency(cps[i - 1].cp.size, cps[i].cp.size, proof));
    }
    for (const c of cps) {
      const head = c.heads.head(scope);
      const proof = c.heads.proof(scope);
      if (head && proof) lines.push(exportLine.head(c.cp.size, head, proof));
    }
    const leaves = (this.byScope.get(scope) ?? []).slice(fromSeq).filter((i) => i < last.cp.size);
    for (const leafIndex of leaves) {
      const treeSize = (cps.find((c) => c.cp.size > leafIndex) as SignedCheckpoint).cp.size;
      lines.push(
        exportLine.event(
          leafIndex,
          treeSize,
          this.entries[leafIndex],
          await this.log.inclusionProof(leafIndex, treeSize),
        ),
      );
    }
    lines.push(exportLine.end());
    return lines;
  }

  leafHashAt(index: number): Hash {
    return leafHash(this.entries[index]);
  }
}

/** One checkpoint per tree size: the latest signed. */
function distinctSizes(list: readonly SignedCheckpoint[]): SignedCheckpoint[] {
  const bySize = new Map<number, SignedCheckpoint>();
  for (const c of list) bySize.set(c.cp.size, c);
  return [...bySize.values()].sort((a, b) => a.cp.size - b.cp.size);
}
