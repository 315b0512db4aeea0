/**
 * Per-tenant completeness. Every event belongs to one or more scopes (an organization's
 * event belongs to the organization and to the MSP that supervises it) and carries, per
 * scope, a link { scope, seq, prev }: seq counts the scope's events from 0, prev is the
 * Merkle leaf index of the scope's previous event (null for seq 0). The links are part of the
 * event's stored bytes, so the event's Merkle leaf, and hence every signed checkpoint after it,
 * commits to them; and the tree commits to the leaf at each index, so naming the previous
 * event's index binds it as firmly as naming its hash, in a few bytes instead of 44.
 * Logs written before 2026-12 name the previous leaf by its base64 hash: still read and verified.
 */
import { bytesEqual, Hash, HASH_SIZE, toBase64 } from '../bytes';
import { isTreeSize } from '../merkle/tree-math';

export interface ChainLink {
  scope: string;
  seq: number;
  /** Leaf index of the scope's event seq - 1 (in older logs, its base64 leaf hash); null when seq is 0. */
  prev: number | string | null;
}

/** Where a scope's chain stands: what the last signed checkpoint commits to for it. */
export interface ScopeHead {
  scope: string;
  /** How many events of the scope the tree holds (the next seq). */
  count: number;
  /** Leaf index and leaf hash of the scope's event seq = count - 1. */
  lastIndex: number;
  lastLeafHash: Hash;
}

export class TenantChainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TenantChainError';
  }
}

const SCOPE = /^[\x21-\x7e]{1,200}$/;

/** Printable ASCII without spaces, at most 200 characters: ids are UUIDs. */
export function isScope(scope: unknown): scope is string {
  return typeof scope === 'string' && SCOPE.test(scope);
}

/** The scopes of an event of this tenant: `msp:<mspId>` and/or `org:<orgId>`, sorted. */
export function tenantScopes(tenant: { mspId?: string; orgId?: string }): string[] {
  const scopes = [tenant.mspId && `msp:${tenant.mspId}`, tenant.orgId && `org:${tenant.orgId}`].filter(
    (s): s is string => !!s,
  );
  for (const s of scopes) if (!isScope(s)) throw new TenantChainError(`bad scope ${JSON.stringify(s)}`);
  return scopes.sort();
}

export function isChainLink(value: unknown): value is ChainLink {
  const link = value as ChainLink;
  return (
    typeof value === 'object' &&
    value !== null &&
    isScope(link.scope) &&
    isTreeSize(link.seq) &&
    (link.seq === 0 ? link.prev === null : isTreeSize(link.prev) || typeof link.prev === 'string')
  );
}

/** Whether the link names this leaf as the scope's previous event: by index, or (older logs) by hash. */
export function linksTo(link: ChainLink, leafIndex: number, leafHash: Hash): boolean {
  return typeof link.prev === 'number' ? link.prev === leafIndex : link.prev === toBase64(leafHash);
}

/** Whether the link's prev is right after this head: the head's last leaf, or null when the scope has no head yet. */
export function linksToHead(link: ChainLink, head: ScopeHead | undefined): boolean {
  return head ? linksTo(link, head.lastIndex, head.lastLeafHash) : link.prev === null;
}

/**
 * The chain heads of every scope, advanced event by event as the log appends. The appender
 * asks linksFor(scopes) before writing an event (the links go into its bytes), then
 * advance(...) with the leaf it became. clone() lets a batch be prepared and dropped if
 * its transaction fails.
 */
export class TenantChains {
  private constructor(private readonly byScope: Map<string, ScopeHead>) {}

  static empty(): TenantChains {
    return new TenantChains(new Map());
  }

  /** Resumes from stored heads (e.g. recomputed at start-up from the last events of each scope). */
  static fromHeads(heads: readonly ScopeHead[]): TenantChains {
    const map = new Map<string, ScopeHead>();
    for (const h of heads) {
      if (!isScope(h.scope) || map.has(h.scope)) throw new TenantChainError(`bad or repeated scope ${h.scope}`);
      map.set(h.scope, { ...h });
    }
    return new TenantChains(map);
  }

  clone(): TenantChains {
    return new TenantChains(new Map(this.byScope));
  }

  head(scope: string): ScopeHead | undefined {
    return this.byScope.get(scope);
  }

  /** Every scope's head, sorted by scope. */
  heads(): ScopeHead[] {
    return [...this.byScope.values()].sort((a, b) => compareScopes(a.scope, b.scope));
  }

  /** The links the next event of these scopes carries, sorted by scope. */
  linksFor(scopes: readonly string[]): ChainLink[] {
    const unique = [...new Set(scopes)].sort(compareScopes);
    return unique.map((scope) => {
      if (!isScope(scope)) throw new TenantChainError(`bad scope ${JSON.stringify(scope)}`);
      const head = this.byScope.get(scope);
      return head ? { scope, seq: head.count, prev: head.lastIndex } : { scope, seq: 0, prev: null };
    });
  }

  /** Records that the event carrying `links` became leaf `leafIndex` with `leafHash`. */
  advance(links: readonly ChainLink[], leafIndex: number, leafHash: Hash): void {
    if (!isTreeSize(leafIndex) || leafHash.length !== HASH_SIZE) throw new TenantChainError('bad leaf');
    const expected = this.linksFor(links.map((l) => l.scope));
    if (expected.length !== links.length) throw new TenantChainError('a scope appears twice in the links');
    for (const want of expected) {
      const got = links.find((l) => l.scope === want.scope) as ChainLink;
      const last = this.byScope.get(want.scope);
      if (got.seq !== want.seq || !linksToHead(got, last)) {
        throw new TenantChainError(`link for ${want.scope} is not the next one (seq ${got.seq}, expected ${want.seq})`);
      }
      if (last && leafIndex <= last.lastIndex) throw new TenantChainError('leaf indexes must grow');
    }
    for (const link of links) {
      this.byScope.set(link.scope, {
        scope: link.scope,
        count: link.seq + 1,
        lastIndex: leafIndex,
        lastLeafHash: leafHash,
      });
    }
  }
}

export function compareScopes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sameHead(a: ScopeHead, b: ScopeHead): boolean {
  return (
    a.scope === b.scope &&
    a.count === b.count &&
    a.lastIndex === b.lastIndex &&
    bytesEqual(a.lastLeafHash, b.lastLeafHash)
  );
}
