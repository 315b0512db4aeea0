import { mspPrincipal, orgPrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `asOf=`: the logs and a Sharing Hub record as they stood at a past time or position. */
describe('views as of a past time or position', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let orgId: string;
  let itemId: string;
  let beforeRevoke: string;
  let beforeRevokeTime: string;
  let firstOrgPosition: string;
  const bob = { type: 'member', id: 'bob', displayName: 'Bob Builder' };
  const ops = { type: 'group', id: 'ops', displayName: 'Operations' };

  beforeAll(async () => {
    t = await startTestApp();
    tokens.msp = await t.token(mspPrincipal('msp_owner', 'msp-a'));
    orgId = (await t.command('/organizations', tokens.msp, { name: 'Early Org' })).id;
    firstOrgPosition = t.lastPosition;
    tokens.owner = await t.token(orgPrincipal('org_owner', orgId, { subject: 'owen' }));
    tokens.ann = await t.token(orgPrincipal('org_member', orgId, { subject: 'ann', name: 'Ann' }));
    itemId = (await t.command('/vault/items', tokens.ann, { itemType: 'password', itemName: 'Bank login' })).id;
    await t.command(`/vault/items/${itemId}/share`, tokens.ann, { principal: bob, rights: 'view' });
    await t.command(`/vault/items/${itemId}/share`, tokens.ann, { principal: ops, rights: 'edit' });
    beforeRevoke = t.lastPosition;
    await sleep(20); // the commit clock has millisecond steps: a time strictly between the two commits
    beforeRevokeTime = new Date().toISOString();
    await sleep(20);
    await t.command(`/vault/items/${itemId}/revoke`, tokens.ann, { principal: { type: 'group', id: 'ops' } });
    await t.command('/organizations', tokens.msp, { name: 'Late Org' });
  });
  afterAll(() => t.close());

  const shares = (body: { sharedWith: { principal: { id: string }; rights: string }[] }) =>
    body.sharedWith.map((s) => `${s.principal.id}:${s.rights}`).sort();

  it('shows a Sharing Hub item’s shares as they were before a revoke (by position and by time)', async () => {
    const now = await t.query(`/sharing-hub/items/${itemId}`, tokens.owner).expect(200);
    expect(shares(now.body)).toEqual(['bob:view']);
    for (const asOf of [beforeRevoke, beforeRevokeTime]) {
      const then = await t.query(`/sharing-hub/items/${itemId}`, tokens.owner, { asOf }).expect(200);
      expect(shares(then.body)).toEqual(['bob:view', 'ops:edit']);
      expect(then.body.history.map((h: { change: string }) => h.change)).toEqual(['created', 'shared', 'shared']);
    }
  });

  it('answers 404 for an item asOf a time before it existed, and 400 for a bad asOf', async () => {
    const res = await t.query(`/sharing-hub/items/${itemId}`, tokens.owner, { asOf: firstOrgPosition }).expect(404);
    expect(res.body.message).toMatch(/did not exist at position/);
    await t.query(`/sharing-hub/items/${itemId}`, tokens.owner, { asOf: 'last tuesday' }).expect(400);
    await t.query('/activity-log/msp', tokens.msp, { asOf: '2026-13-45T00:00:00Z' }).expect(400);
  });

  it('hides later entries from the MSP Activity Log, its export and the organization feed', async () => {
    const names = (body: { items: { summary: string }[] }) => body.items.map((e) => e.summary);
    const now = await t.query('/activity-log/msp', tokens.msp).expect(200);
    expect(names(now.body).some((s) => s.includes('Late Org'))).toBe(true);
    const then = await t.query('/activity-log/msp', tokens.msp, { asOf: beforeRevokeTime }).expect(200);
    expect(names(then.body).some((s) => s.includes('Late Org'))).toBe(false);
    expect(names(then.body).some((s) => s.includes('Early Org'))).toBe(true);
    const exported = await t.query('/activity-log/msp/export', tokens.msp, { asOf: beforeRevoke, format: 'jsonl' }).expect(200);
    expect(exported.text).toContain('Early Org');
    expect(exported.text).not.toContain('Late Org');
    const feedNow = await t.query(`/organizations/${orgId}/feed`, tokens.owner).expect(200);
    const feedThen = await t.query(`/organizations/${orgId}/feed`, tokens.owner, { asOf: beforeRevoke }).expect(200);
    expect(feedThen.body.items.length).toBe(feedNow.body.items.length - 1);
    expect(feedThen.body.items.every((e: { position: string }) => BigInt(e.position) <= BigInt(beforeRevoke))).toBe(true);
  });

  it('binds a cursor to its asOf', async () => {
    const asOf = t.lastPosition;
    const first = await t.query('/activity-log/msp', tokens.msp, { asOf, limit: 1 }).expect(200);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.query('/activity-log/msp', tokens.msp, { asOf, limit: 1, cursor: first.body.nextCursor }).expect(200);
    expect(second.body.items[0].summary).toContain('Early Org');
    const other = await t.query('/activity-log/msp', tokens.msp, { limit: 1, cursor: first.body.nextCursor }).expect(400);
    expect(other.body.message).toMatch(/cursor/);
  });
});
