import { leafHash, treeHash, verifyInclusion } from '../merkle/rfc9162';
import { toBase64, utf8 } from '../bytes';
import { parseScopeHeadRecord, scopeHeadRecord, ScopeHeadsTree, verifyScopeHead } from './scope-heads';
import { isChainLink, linksTo, TenantChainError, TenantChains, tenantScopes } from './tenant-chain';

const leaf = (i: number) => leafHash(utf8(`event ${i}`));

describe('tenantScopes', () => {
  it('puts an organization’s event in its own scope and its MSP’s', () => {
    expect(tenantScopes({ mspId: 'm1', orgId: 'o1' })).toEqual(['msp:m1', 'org:o1']);
    expect(tenantScopes({ orgId: 'o3' })).toEqual(['org:o3']);
    expect(tenantScopes({ mspId: 'm1' })).toEqual(['msp:m1']);
    expect(tenantScopes({})).toEqual([]);
    expect(() => tenantScopes({ orgId: 'has space' })).toThrow(TenantChainError);
  });
});

describe('TenantChains', () => {
  it('numbers each scope from 0 and links each event to the scope’s previous leaf', () => {
    const chains = TenantChains.empty();
    const a = chains.linksFor(['org:o1', 'msp:m1']);
    expect(a).toEqual([
      { scope: 'msp:m1', seq: 0, prev: null },
      { scope: 'org:o1', seq: 0, prev: null },
    ]);
    chains.advance(a, 0, leaf(0));
    const b = chains.linksFor(['msp:m1']);
    expect(b).toEqual([{ scope: 'msp:m1', seq: 1, prev: 0 }]);
    chains.advance(b, 1, leaf(1));
    const c = chains.linksFor(['msp:m1', 'org:o1']);
    expect(c).toEqual([
      { scope: 'msp:m1', seq: 2, prev: 1 },
      { scope: 'org:o1', seq: 1, prev: 0 },
    ]);
    chains.advance(c, 2, leaf(2));
    expect(chains.heads()).toEqual([
      { scope: 'msp:m1', count: 3, lastIndex: 2, lastLeafHash: leaf(2) },
      { scope: 'org:o1', count: 2, lastIndex: 2, lastLeafHash: leaf(2) },
    ]);
  });

  it('refuses links that are not the next ones, and leaves that go back', () => {
    const chains = TenantChains.empty();
    const first = chains.linksFor(['org:o1']);
    chains.advance(first, 5, leaf(5));
    expect(() => chains.advance(first, 6, leaf(6))).toThrow(TenantChainError);
    const next = chains.linksFor(['org:o1']);
    expect(() => chains.advance(next, 5, leaf(5))).toThrow('leaf indexes must grow');
    expect(() => chains.advance([...next, ...next], 6, leaf(6))).toThrow(TenantChainError);
    expect(() => chains.advance([{ ...next[0], prev: 4 }], 6, leaf(6))).toThrow(TenantChainError);
  });

  it('follows a link of an older log, which names the previous leaf by its hash', () => {
    const chains = TenantChains.fromHeads([{ scope: 'org:o1', count: 1, lastIndex: 5, lastLeafHash: leaf(5) }]);
    expect(() => chains.advance([{ scope: 'org:o1', seq: 1, prev: toBase64(leaf(4)) }], 6, leaf(6))).toThrow(TenantChainError);
    chains.advance([{ scope: 'org:o1', seq: 1, prev: toBase64(leaf(5)) }], 6, leaf(6));
    expect(chains.head('org:o1')).toMatchObject({ count: 2, lastIndex: 6 });
    expect(linksTo({ scope: 'org:o1', seq: 2, prev: 6 }, 6, leaf(6))).toBe(true);
    expect(linksTo({ scope: 'org:o1', seq: 2, prev: 5 }, 6, leaf(6))).toBe(false);
  });

  it('clones, so a batch can be prepared and dropped', () => {
    const chains = TenantChains.empty();
    const draft = chains.clone();
    draft.advance(draft.linksFor(['org:o1']), 0, leaf(0));
    expect(chains.head('org:o1')).toBeUndefined();
    expect(TenantChains.fromHeads(draft.heads()).linksFor(['org:o1'])[0].seq).toBe(1);
  });

  it('recognises a well-formed link', () => {
    expect(isChainLink({ scope: 'org:o1', seq: 0, prev: null })).toBe(true);
    expect(isChainLink({ scope: 'org:o1', seq: 1, prev: null })).toBe(false);
    expect(isChainLink({ scope: 'org:o1', seq: 1, prev: 7 })).toBe(true);
    expect(isChainLink({ scope: 'org:o1', seq: 1, prev: -1 })).toBe(false);
    expect(isChainLink({ scope: 'org:o1', seq: 1, prev: 1.5 })).toBe(false);
    expect(isChainLink({ scope: 'org:o1', seq: -1, prev: null })).toBe(false);
    expect(isChainLink({ scope: '', seq: 0, prev: null })).toBe(false);
    expect(isChainLink('org:o1')).toBe(false);
  });
});

describe('scope-heads tree', () => {
  const heads = ['org:o2', 'msp:m1', 'org:o1'].map((scope, i) => ({
    scope,
    count: i + 1,
    lastIndex: 10 + i,
    lastLeafHash: leaf(i),
  }));

  it('is the RFC tree over the head records sorted by scope', () => {
    const tree = new ScopeHeadsTree(heads);
    const sorted = ['msp:m1', 'org:o1', 'org:o2'].map((s) => heads.find((h) => h.scope === s)!);
    expect(tree.commitment()).toEqual({ count: 3, root: treeHash(sorted.map((h) => leafHash(scopeHeadRecord(h)))) });
    expect(Buffer.from(scopeHeadRecord(sorted[0])).toString()).toBe(
      `scope-head/v1\nscope msp:m1\ncount 2\nlast 11 ${toBase64(leaf(1))}\n`,
    );
  });

  it('proves one scope’s head and nothing else', () => {
    const tree = new ScopeHeadsTree(heads);
    const commitment = tree.commitment();
    const proof = tree.proof('org:o1')!;
    const head = tree.head('org:o1')!;
    expect(verifyScopeHead(head, proof, commitment)).toBe(true);
    expect(verifyScopeHead({ ...head, count: head.count - 1 }, proof, commitment)).toBe(false);
    expect(verifyScopeHead({ ...head, scope: 'org:o2' }, proof, commitment)).toBe(false);
    expect(verifyInclusion(proof.index, 3, leafHash(scopeHeadRecord(head)), proof.proof, commitment.root)).toBe(true);
    expect(tree.proof('org:unknown')).toBeUndefined();
  });

  it('reads its records back, and only canonical ones', () => {
    const text = Buffer.from(scopeHeadRecord(heads[0])).toString();
    expect(parseScopeHeadRecord(text)).toEqual(heads[0]);
    expect(parseScopeHeadRecord(text.replace('count 1', 'count 01'))).toBeUndefined();
    expect(parseScopeHeadRecord(text.replace('scope-head/v1', 'scope-head/v2'))).toBeUndefined();
  });

  it('refuses a scope twice', () => {
    expect(() => new ScopeHeadsTree([heads[0], heads[0]])).toThrow(TenantChainError);
  });
});
