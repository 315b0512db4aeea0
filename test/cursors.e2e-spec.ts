import { mspPrincipal, orgPrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

const NOT_ISSUED = 'cursor is not one this API issued';

/** The cursor with its payload changed by hand, its signature kept. */
function edited(cursor: string, change: (payload: Record<string, unknown>) => unknown): string {
  const [version, body, mac] = cursor.split('.');
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  return [version, Buffer.from(JSON.stringify(change(payload))).toString('base64url'), mac].join('.');
}

/** Cursors are signed by the server and bound to their reader and filters: anything else is a 400, never a 500. */
describe('cursors over HTTP', () => {
  let t: TestApp;
  let owner: string;
  let otherOwner: string;
  let orgOwner: string;
  let cursor: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await t.token(mspPrincipal('msp_owner', 'msp-c', { subject: 'olga' }));
    otherOwner = await t.token(mspPrincipal('msp_owner', 'msp-c', { subject: 'oscar' }));
    for (const name of ['A', 'B', 'C']) await t.command('/organizations', owner, { name });
    const organizationId = (await t.command('/organizations', owner, { name: 'D' })).id;
    orgOwner = await t.token(orgPrincipal('org_owner', organizationId));
    for (const itemName of ['one', 'two']) await t.command('/vault/items', orgOwner, { itemType: 'password', itemName });
    cursor = (await t.query('/activity-log/msp', owner, { limit: 1 }).expect(200)).body.nextCursor;
  });
  afterAll(() => t.close());

  const page = (query: Record<string, string | number>, token = owner) => t.query('/activity-log/msp', token, { limit: 1, ...query });

  it('pages with the cursor it issued', async () => {
    expect(cursor).toMatch(/^c1\./);
    const next = await page({ cursor }).expect(200);
    expect(next.body.items).toHaveLength(1);
  });

  it.each([
    ['its window widened to 1970–2100', () => edited(cursor, (p) => ({ ...p, w: ['1970-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z'] }))],
    ['a window of words', () => edited(cursor, (p) => ({ ...p, w: ['x', 'y'] }))],
    ['a 30-digit position', () => edited(cursor, (p) => ({ ...p, p: '1'.repeat(30) }))],
    ['base64 of null', () => 'bnVsbA'],
    ['an unsigned cursor of the old format', () => Buffer.from(JSON.stringify({ t: '2026-01-01T00:00:00.000Z', p: '1', w: ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'] })).toString('base64url')],
    ['its signature truncated', () => cursor.slice(0, -2)],
    ['garbage', () => '%%%'],
  ])('answers 400 to a cursor with %s', async (_case, make) => {
    const res = await page({ cursor: make() }).expect(400);
    expect(res.body).toMatchObject({ message: NOT_ISSUED, fields: { cursor: [NOT_ISSUED] } });
    expect(JSON.stringify(res.body)).not.toMatch(/1970|2100/);
  });

  it('answers 400 to a cursor issued to another principal of the same MSP', async () => {
    const res = await page({ cursor }, otherOwner).expect(400);
    expect(res.body.fields).toEqual({ cursor: [NOT_ISSUED] });
  });

  it('answers 400 to a cursor sent with other filters, and to a cursor on an export', async () => {
    expect((await page({ cursor, category: 'Billing' }).expect(400)).body.fields).toEqual({ cursor: ['cursor was issued for other filters'] });
    const exported = await t.query('/activity-log/msp/export', owner, { format: 'csv', cursor }).expect(400);
    expect(exported.body.fields).toEqual({ cursor: ['property cursor should not exist'] });
  });

  it('signs Sharing Hub cursors the same way', async () => {
    const first = await t.query('/sharing-hub', orgOwner, { limit: 1 }).expect(200);
    const hubCursor = first.body.nextCursor as string;
    await t.query('/sharing-hub', orgOwner, { limit: 1, cursor: hubCursor }).expect(200);
    const widened = edited(hubCursor, (p) => ({ ...p, w: ['1970-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z'] }));
    expect((await t.query('/sharing-hub', orgOwner, { limit: 1, cursor: widened }).expect(400)).body.message).toBe(NOT_ISSUED);
    expect((await page({ cursor: hubCursor }).expect(400)).body.message).toBe(NOT_ISSUED);
  });
});
