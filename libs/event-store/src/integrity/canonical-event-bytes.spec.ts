import { ChainLink, leafHash, toBase64 } from '@app/integrity';
import { canonicalEventBytes, canonicalLeafHash, scopesOfTenant, StoredEventColumns } from './canonical-event-bytes';
import { linksJson } from './sqlite-integrity-ledger';

const columns = (over: Partial<StoredEventColumns> = {}): StoredEventColumns => ({
  id: '0190b6a8-7c4d-7e01-9b7a-5c1a2b3c4d5e', type: 'OrganizationRenamed', schemaVersion: 1, streamId: 'organization-1',
  revision: 3n, occurredAt: '2026-12-01T21:00:00.000Z', data: '{"newName":"Acme"}', metadata: '{"tenant":{"orgId":"o1"}}',
  ...over,
});

// The append path's shortcuts must give exactly the bytes and hashes the plain definitions give.
describe('the leaf hash of an event', () => {
  it.each([
    ['plain columns', columns()],
    ['non-ASCII, escapes and astral characters', columns({
      type: 'Ünïcode "quoted" \\ type', streamId: 'stream-\u2028-\ud83d\ude00',
      data: JSON.stringify({ name: 'Zoë \ud83d\udd12 \n\t "x"', lone: '\ud800' }), metadata: JSON.stringify({ note: '\u0000\u001f' }),
    })],
    ['a large revision and schema version', columns({ revision: 9007199254740993n, schemaVersion: 12n })],
  ])('is RFC 9162 leafHash of the canonical bytes: %s', (_, c) => {
    expect(toBase64(canonicalLeafHash(c))).toBe(toBase64(leafHash(canonicalEventBytes(c))));
  });
});

describe('the chain links text', () => {
  const tenants = [
    {}, { orgId: 'o1' }, { mspId: 'm1' }, { mspId: 'm-1', orgId: 'o_2.x~' },
    { mspId: 'ünï "code"', orgId: "it's (a) *test* / \\ 100%" }, { mspId: 'a:b c', orgId: '\ud83d\ude00' },
  ];

  it.each(tenants)('is JSON.stringify of the links for tenant %j', (tenant) => {
    const scopes = scopesOfTenant(tenant);
    const links: ChainLink[] = scopes.map((scope, i) => ({ scope, seq: i * 41, prev: i === 0 ? null : 1_000_003 * i }));
    expect(linksJson(links)).toBe(JSON.stringify(links));
    // A link of an older log names its previous leaf by hash.
    const legacy = links.map((l, i) => ({ ...l, prev: i === 0 ? null : toBase64(leafHash(Uint8Array.of(i))) }));
    expect(linksJson(legacy)).toBe(JSON.stringify(legacy));
    expect(scopes).toEqual([...scopes].sort());
  });
});
