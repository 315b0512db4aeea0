import { mspPrincipal, orgPrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

/** The pull API's contract over HTTP: shape, cursors bound to credential and feed, bad input, rate limits. */
describe('Pull API over HTTP', () => {
  let t: TestApp;
  let owner: string;
  let otherOwner: string;
  let orgId: string;
  let altToken: string;

  const pull = (path: string, token: string, query: Record<string, string | number> = {}) =>
    t.http().get(path).set('Authorization', `Bearer ${token}`).query(query);

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT: '40', RATE_LIMIT_WINDOW_S: '60' });
    owner = await t.token(mspPrincipal('msp_owner', 'msp-p', { subject: 'pia' }));
    otherOwner = await t.token(mspPrincipal('msp_owner', 'msp-p', { subject: 'paul' }));
    for (const name of ['One', 'Two', 'Three', 'Four', 'Five']) orgId = (await t.command('/organizations', owner, { name })).id;
    const orgOwner = await t.token(orgPrincipal('org_owner', orgId));
    altToken = (await t.command('/org/activity-log-tokens', orgOwner, { name: 'SIEM' })).token;
    await t.query('/activity-log/msp', owner).expect(200);
  });
  afterAll(() => t.close());

  it('pages oldest first by ingestion with a cursor, then says it is caught up, for a panel token too', async () => {
    const first = await pull('/pull/msp', owner, { limit: 2 }).expect(200);
    expect(Object.keys(first.body).sort()).toEqual(['cursor', 'hasMore', 'items']);
    expect([first.body.items.map((e: { summary: string }) => e.summary.split("'")[1]), first.body.hasMore]).toEqual([['One', 'Two'], true]);
    const rest = await pull('/pull/msp', owner, { cursor: first.body.cursor, limit: 1000 }).expect(200);
    expect(rest.body.items.map((e: { summary: string }) => e.summary.split("'")[1])).toEqual(['Three', 'Four', 'Five']);
    expect(rest.body.hasMore).toBe(false);
    const idle = await pull('/pull/msp', owner, { cursor: rest.body.cursor }).expect(200);
    expect(idle.body).toMatchObject({ items: [], hasMore: false });
    await t.command('/organizations', owner, { name: 'Six' });
    await t.query('/activity-log/msp', owner).expect(200);
    const later = await pull('/pull/msp', owner, { cursor: idle.body.cursor }).expect(200);
    expect(later.body.items.map((e: { summary: string }) => e.summary.split("'")[1])).toEqual(['Six']);
  });

  it('binds a cursor to its credential and its feed, and refuses an edited one', async () => {
    const { cursor } = (await pull('/pull/msp', owner, { limit: 1 }).expect(200)).body;
    const other = await pull('/pull/msp', otherOwner, { cursor }).expect(400);
    expect(other.body.fields).toEqual({ cursor: ['cursor is not one this API issued to this credential for this feed'] });
    await pull(`/pull/organizations/${orgId}`, owner, { cursor }).expect(400);
    const [version, body, mac] = cursor.split('.');
    const edited = Buffer.from(JSON.stringify({ p: '0', s: null, e: null })).toString('base64url');
    expect(edited).not.toBe(body);
    await pull('/pull/msp', owner, { cursor: `${version}.${edited}.${mac}` }).expect(400);
  });

  it.each([
    [{ cursor: 'x', startTime: '2026-01-01T00:00:00Z' }, /send the cursor alone/],
    [{ startTime: '2026-02-01T00:00:00Z', endTime: '2026-01-01T00:00:00Z' }, /startTime must be before endTime/],
    [{ startTime: 'yesterday' }, /startTime must be a valid ISO 8601 date string/],
    [{ limit: 1001 }, /limit must not be greater than 1000/],
    [{ after: '5' }, /property after should not exist/],
  ])('answers 400 to %j', async (query, message) => {
    const res = await pull('/pull/msp', owner, query as Record<string, string>).expect(400);
    expect(JSON.stringify(res.body)).toMatch(message);
  });

  it('keeps each feed to its readers: 403 for the wrong role, 404 for an organization of another MSP', async () => {
    await pull('/pull/business', owner).expect(403);
    await pull('/pull/msp', altToken).expect(403);
    await pull(`/pull/organizations/${orgId}`, altToken).expect(403);
    await pull(`/pull/organizations/${orgId}`, await t.token(mspPrincipal('msp_owner', 'msp-q'))).expect(404);
    await pull('/pull/msp', 'alt_tooshort').expect(401);
    await pull('/pull/msp', `alt_${'A'.repeat(43)}`).expect(401);
  });

  it('gives Activity Log tokens exports with their view but no live tail (a stream would outlive a revocation)', async () => {
    const exported = await t.http().get('/activity-log/business/export').query({ format: 'jsonl' }).set('Authorization', `Bearer ${altToken}`).expect(200);
    expect(exported.text).toContain('ActivityLogTokenCreated');
    const tail = await t.http().get('/activity-log/business/live').set('Authorization', `Bearer ${altToken}`).expect(403);
    expect(tail.body.message).toMatch(/pull API/);
  });

  it('limits each credential: RateLimit headers, then 429 with Retry-After, while another credential goes on', async () => {
    const limited = await t.token(mspPrincipal('msp_admin', 'msp-p', { subject: 'greedy' }));
    const first = await pull('/pull/msp', limited, { limit: 1 }).expect(200);
    expect([first.headers['ratelimit-limit'], first.headers['ratelimit-remaining']]).toEqual(['40', '39']);
    expect(Number(first.headers['ratelimit-reset'])).toBeGreaterThan(0);
    for (let i = 1; i < 40; i++) await pull(i % 2 ? '/pull/msp' : '/activity-log/msp', limited, { limit: 1 }).expect(200);
    const refused = await pull('/pull/msp', limited).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.message).toMatch(/Too many requests for this credential: at most 40 every 60 s/);
    await pull('/pull/msp', await t.token(mspPrincipal('msp_admin', 'msp-p', { subject: 'patient' }))).expect(200);
  });
});
