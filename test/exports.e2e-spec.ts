import { request as httpRequest, IncomingMessage, createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ACTIVITY_LOG_STORE, ActivityLogQuery, ActivityLogStore } from '@app/projections';
import { EXPORT_PAGE_SIZE } from '@app/queries/exports/export-stream';
import { syntheticEntries } from '@app/queries/exports/synthetic-entries';
import { mspPrincipal, orgPrincipal, servicePrincipal } from './support/principals';
import { startTestApp, TestApp, whileViewLags } from './support/test-app';
import { parse } from 'csv-parse/sync';

const DAY = 24 * 60 * 60 * 1000;
const HYPERLINK = '=HYPERLINK("http://x","y")';
const SUM = '@SUM(1)';
const DASH_NAME = '-2+3';
const COLUMNS = [
  'occurredAt', 'category', 'action', 'summary', 'initiatorName', 'initiatorEmail', 'initiatorRole', 'ip',
  'organizationId', 'targetType', 'targetId', 'targetName', 'itemId', 'itemType', 'itemName', 'eventType', 'eventId',
  'position',
];

interface Entry {
  id: string;
  position: string;
  occurredAt: string;
  category: string;
  eventType: string;
  action: string;
  initiator: { email: string | null; name: string | null; role: string | null };
  ip: string | null;
  organizationId: string | null;
  target: { type: string; id: string; name: string | null };
  item: { id: string; type: string | null; name: string | null } | null;
  summary: string;
}

/** RFC 4180 records with csv-parse (an independent reader); every record must end with CRLF. */
function parseCsv(text: string): string[][] {
  if (text !== '' && !text.endsWith('\r\n')) throw new Error(`CSV does not end with CRLF: ${JSON.stringify(text.slice(-80))}`);
  return parse(text, { record_delimiter: '\r\n', relax_quotes: false });
}

/** What a spreadsheet must not evaluate: the expected cell, written independently of the code under test. */
const asText = (cell: string | null | undefined) => (/^[=+\-@\t\r]/.test(cell ?? '') ? `'${cell}` : cell ?? '');

/** The CSV record a log entry should become. */
function expectedRecord(e: Entry): string[] {
  return [
    e.occurredAt, e.category, e.action, e.summary, e.initiator.name, e.initiator.email, e.initiator.role, e.ip,
    e.organizationId, e.target.type, e.target.id, e.target.name, e.item?.id, e.item?.type, e.item?.name, e.eventType, e.id,
    e.position,
  ].map(asText);
}

const cell = (record: string[], column: string) => record[COLUMNS.indexOf(column)];

describe('Activity log exports over HTTP', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let orgX: string;
  let orgY: string;
  let itemId: string;

  const post = (path: string, token: string, body?: object) => t.command(path, token, body);
  const get = (path: string, token: string, query: Record<string, string | number | boolean> = {}) => t.query(path, token, query);
  /** The export's body as text, whatever its content type. */
  const download = (path: string, token: string, query: Record<string, string | number>) =>
    get(path, token, query)
      .buffer(true)
      .parse((res, done) => {
        const body = res as unknown as IncomingMessage; // in Node, superagent hands the raw message to parsers
        let text = '';
        body.setEncoding('utf8');
        body.on('data', (chunk: string) => (text += chunk));
        body.on('end', () => done(null, text));
      });
  const csv = async (path: string, token: string, query: Record<string, string | number> = {}) => {
    const res = await download(path, token, { format: 'csv', ...query }).expect(200);
    const [header, ...records] = parseCsv(res.body);
    expect(header).toEqual(COLUMNS);
    return { res, records, text: res.body as string };
  };
  const jsonl = async (path: string, token: string, query: Record<string, string | number> = {}): Promise<Entry[]> => {
    const res = await download(path, token, { format: 'jsonl', ...query }).expect(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson');
    const text = res.body as string;
    return text === '' ? [] : text.trimEnd().split('\n').map((line) => JSON.parse(line));
  };
  /** The log query's items (one page of up to 1000). */
  const logItems = async (path: string, token: string, query: Record<string, string | number> = {}): Promise<Entry[]> =>
    (await get(path, token, { limit: 1000, ...query }).expect(200)).body.items;

  beforeAll(async () => {
    t = await startTestApp({ MIN_POSITION_TIMEOUT_MS: '2000' });
    tokens.mspOwner = await t.token(mspPrincipal('msp_owner', 'msp-a', { subject: 'olive', email: 'olive@msp-a.example', name: 'Olive' }));
    tokens.mspAdmin = await t.token(mspPrincipal('msp_admin', 'msp-a', { subject: 'adam', email: 'Adam@MSP-A.example', name: 'Adam' }));
    tokens.mspMember = await t.token(mspPrincipal('msp_member', 'msp-a'));
    tokens.otherMsp = await t.token(mspPrincipal('msp_owner', 'msp-b', { subject: 'bella', name: 'Bella' }));
    const signIns = await t.token(servicePrincipal({ mspId: 'msp-a' }));
    const signUp = await t.token(servicePrincipal({ mspId: 'msp-a' }, 'sign-up-service'));
    await post('/msp', signUp, { name: 'MSP A', ownerMemberId: 'olive', ownerEmail: 'olive@msp-a.example', ownerName: 'Olive' });
    await post('/msp-members/olive/sign-ins/succeeded', signIns, { email: 'olive@msp-a.example' });
    await post('/msp/invitations', tokens.mspAdmin, { email: 'new@msp-a.example', role: 'msp_member' });
    orgX = (await post('/organizations', tokens.mspAdmin, { name: HYPERLINK })).id;
    await post('/billing/details', tokens.mspOwner, { companyName: 'MSP A, "Ltd"', billingEmail: 'b@msp-a.example', addressLines: ['1 Main St'], country: 'US' });
    await post('/settings', tokens.mspOwner, { key: 'sessionTimeoutMinutes', value: 30 });
    orgY = (await post('/organizations', tokens.otherMsp, { name: 'Org Y' })).id;

    tokens.orgOwner = await t.token(orgPrincipal('org_owner', orgX, { subject: 'owen', name: 'Owen' }));
    tokens.orgAdmin = await t.token(orgPrincipal('org_admin', orgX, { subject: 'ada', name: 'Ada' }));
    tokens.dash = await t.token(orgPrincipal('org_member', orgX, { subject: 'dash', name: DASH_NAME, email: 'dash@org-x.example' }));
    tokens.orgYOwner = await t.token(orgPrincipal('org_owner', orgY, { subject: 'yves' }));
    await post('/org/invitations', tokens.orgOwner, { email: 'bob@org-x.example', role: 'org_member' });
    await post('/org/policies/require_mfa/enable', tokens.orgAdmin);
    itemId = (await post('/vault/items', tokens.dash, { itemType: 'password', itemName: SUM })).id;
    await post(`/vault/items/${itemId}/share`, tokens.dash, { principal: { type: 'member', id: 'bob', displayName: 'Bob' }, rights: 'edit' });
    await post('/org/policies/require_mfa/enable', tokens.orgYOwner);
  });
  afterAll(() => t.close());

  describe('the MSP Activity Log export', () => {
    it('is the log query’s items, in the same order, as CSV and as JSON Lines', async () => {
      const items = await logItems('/activity-log/msp', tokens.mspAdmin);
      expect(items.length).toBeGreaterThanOrEqual(6);
      const { records } = await csv('/activity-log/msp/export', tokens.mspAdmin);
      expect(records).toEqual(items.map(expectedRecord));
      expect(await jsonl('/activity-log/msp/export', tokens.mspAdmin)).toEqual(items);
    });

    it('is a download named after its window', async () => {
      const { res } = await csv('/activity-log/msp/export', tokens.mspOwner, { from: '2026-06-01T00:00:00Z', to: '2026-07-01T00:00:00Z' });
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="msp-activity-20260601T000000Z-20260701T000000Z.csv"');
      const json = await download('/activity-log/msp/export', tokens.mspOwner, { format: 'jsonl' }).expect(200);
      expect(json.headers['content-disposition']).toMatch(/^attachment; filename="msp-activity-\d{8}T\d{6}Z-\d{8}T\d{6}Z\.jsonl"$/);
      const [from, to] = /(\d{8}T\d{6}Z)-(\d{8}T\d{6}Z)/.exec(json.headers['content-disposition'])!.slice(1);
      const instant = (s: string) => Date.parse(s.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
      expect(instant(to) - instant(from)).toBe(30 * DAY); // the same 30-day default as the log
      expect(Math.abs(instant(to) - Date.now())).toBeLessThan(60_000);
    });

    it('neutralises cells a spreadsheet would evaluate, and quotes what needs quoting', async () => {
      const { records, text } = await csv('/activity-log/msp/export', tokens.mspAdmin);
      const created = records.find((r) => cell(r, 'eventType') === 'OrganizationCreated')!;
      expect(cell(created, 'targetName')).toBe(`'${HYPERLINK}`);
      expect(cell(created, 'organizationId')).toBe(orgX);
      expect(text).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
      expect(cell(created, 'summary')).toBe(`Adam created organization '${HYPERLINK}'`); // starts with a name: left as is
      const billing = records.find((r) => cell(r, 'eventType') === 'BillingDetailsAdded')!;
      expect(cell(billing, 'summary')).toContain('MSP A, "Ltd"');
      const raw = (await jsonl('/activity-log/msp/export', tokens.mspAdmin)).find((e) => e.eventType === 'OrganizationCreated')!;
      expect(raw.target.name).toBe(HYPERLINK); // JSON Lines carries the data as it is
    });

    it('applies the log’s filters', async () => {
      const queries: Record<string, string>[] = [
        { category: 'Organization Management' }, { category: 'Billing' }, { memberEmail: 'ADAM@msp-a.example' },
        { organizationId: orgX }, { from: '2020-01-01T00:00:00Z', to: '2020-02-01T00:00:00Z' },
      ];
      for (const query of queries) {
        const items = await logItems('/activity-log/msp', tokens.mspOwner, query);
        expect((await csv('/activity-log/msp/export', tokens.mspOwner, query)).records).toEqual(items.map(expectedRecord));
        expect(await jsonl('/activity-log/msp/export', tokens.mspOwner, query)).toEqual(items);
      }
      const byEmail = await jsonl('/activity-log/msp/export', tokens.mspOwner, { memberEmail: 'adam@MSP-A.example' });
      expect(byEmail.map((e) => e.eventType).sort()).toEqual(['MspMemberInvited', 'OrganizationCreated']);
      const past = await csv('/activity-log/msp/export', tokens.mspOwner, { from: '2020-01-01T00:00:00Z', to: '2020-02-01T00:00:00Z' });
      expect(past.records).toEqual([]);
    });

    it('never exports another MSP’s entries', async () => {
      const other = await jsonl('/activity-log/msp/export', tokens.otherMsp);
      expect(other.map((e) => e.eventType)).toEqual(['OrganizationCreated']);
      expect(other[0].organizationId).toBe(orgY);
    });
  });

  describe('the Business Activity Log export', () => {
    it('shows owners item types and names, neutralised in CSV', async () => {
      const items = await logItems('/activity-log/business', tokens.orgOwner);
      const { records } = await csv('/activity-log/business/export', tokens.orgOwner);
      expect(records).toEqual(items.map(expectedRecord));
      expect(await jsonl('/activity-log/business/export', tokens.orgOwner)).toEqual(items);
      const created = records.find((r) => cell(r, 'eventType') === 'ItemCreated')!;
      expect([cell(created, 'itemId'), cell(created, 'itemType'), cell(created, 'itemName')]).toEqual([itemId, 'password', `'${SUM}`]);
      expect(cell(created, 'initiatorName')).toBe(`'${DASH_NAME}`);
      expect(cell(created, 'summary')).toMatch(/^'-2\+3 /);
      expect(cell(created, 'summary')).toContain(SUM);
    });

    it('shows admins generic details only, exactly like the log', async () => {
      const items = await logItems('/activity-log/business', tokens.orgAdmin);
      const { records, text } = await csv('/activity-log/business/export', tokens.orgAdmin);
      expect(records).toEqual(items.map(expectedRecord));
      expect(await jsonl('/activity-log/business/export', tokens.orgAdmin)).toEqual(items);
      for (const type of ['ItemCreated', 'ItemShared']) {
        const record = records.find((r) => cell(r, 'eventType') === type)!;
        expect([cell(record, 'itemId'), cell(record, 'itemType'), cell(record, 'itemName'), cell(record, 'targetName')]).toEqual([itemId, '', '', '']);
      }
      expect(text).not.toContain('SUM(1)');
      const itemRecords = records.filter((r) => cell(r, 'itemId') === itemId);
      expect(itemRecords.length).toBeGreaterThanOrEqual(2);
      expect(itemRecords.flat().join(' ')).not.toMatch(/password/i);
    });

    it('applies the log’s filters', async () => {
      const queries: Record<string, string>[] = [{ itemId }, { memberId: 'ada' }, { memberEmail: 'dash@org-x.example' }, { category: 'Vault Items and Folders' }];
      for (const query of queries) {
        const items = await logItems('/activity-log/business', tokens.orgOwner, query);
        expect(items.length).toBeGreaterThan(0);
        expect(await jsonl('/activity-log/business/export', tokens.orgOwner, query)).toEqual(items);
      }
      const byItem = await jsonl('/activity-log/business/export', tokens.orgOwner, { itemId });
      expect(byItem.map((e) => e.eventType)).toEqual(['ItemShared', 'ItemCreated']);
      const other = await jsonl('/activity-log/business/export', tokens.orgYOwner);
      expect(other.map((e) => e.eventType)).toEqual(['PolicyEnabled']);
    });
  });

  describe('the organization feed export', () => {
    it('is unredacted for the organization’s owner and redacted for its MSP, like the feed', async () => {
      const own = await logItems(`/organizations/${orgX}/feed`, tokens.orgOwner);
      expect(await jsonl(`/organizations/${orgX}/feed/export`, tokens.orgOwner)).toEqual(own);
      const msp = await logItems(`/organizations/${orgX}/feed`, tokens.mspAdmin);
      const { records, res } = await csv(`/organizations/${orgX}/feed/export`, tokens.mspAdmin);
      expect(records).toEqual(msp.map(expectedRecord));
      expect(records.find((r) => cell(r, 'eventType') === 'ItemCreated')!.slice(12, 15)).toEqual([itemId, '', '']);
      expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="organization-${orgX}-activity-\\d{8}T\\d{6}Z-\\d{8}T\\d{6}Z\\.csv"$`));
    });

    it('answers 404 for another tenant’s organization', async () => {
      for (const [org, token] of [[orgX, tokens.orgYOwner], [orgX, tokens.otherMsp], [orgY, tokens.mspOwner]]) {
        const res = await get(`/organizations/${org}/feed/export`, token, { format: 'csv' }).expect(404);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.headers['content-disposition']).toBeUndefined();
      }
    });
  });

  describe('refusals, as JSON answers before any byte of the file', () => {
    it('400 for a missing or unknown format, paging parameters, a bad date or a range over 90 days', async () => {
      const missing = await get('/activity-log/msp/export', tokens.mspOwner).expect(400);
      expect(missing.headers['content-type']).toMatch(/^application\/json/);
      expect(missing.body.fields.format).toEqual(['format must be one of the following values: csv, jsonl']);
      await get('/activity-log/msp/export', tokens.mspOwner, { format: 'xml' }).expect(400);
      await get('/activity-log/msp/export', tokens.mspOwner, { format: 'CSV' }).expect(400);
      const cursor = await get('/activity-log/msp/export', tokens.mspOwner, { format: 'csv', cursor: 'abc' }).expect(400);
      expect(cursor.body.fields.cursor).toEqual(['property cursor should not exist']);
      const limit = await get('/activity-log/business/export', tokens.orgOwner, { format: 'csv', limit: 10 }).expect(400);
      expect(limit.body.fields.limit).toEqual(['property limit should not exist']);
      const from = new Date(Date.now() - 91 * DAY).toISOString();
      const tooLong = await get('/activity-log/msp/export', tokens.mspOwner, { format: 'csv', from }).expect(400);
      expect(tooLong.body.fields.from).toEqual(['the date range must not exceed 90 days']);
      expect(tooLong.headers['content-disposition']).toBeUndefined();
      await get(`/organizations/${orgX}/feed/export`, tokens.orgOwner, { format: 'jsonl', to: 'yesterday' }).expect(400);
      await get('/activity-log/business/export', tokens.orgOwner, { format: 'csv', category: 'Billing' }).expect(400);
      await get('/activity-log/msp/export', tokens.mspOwner, { format: 'csv', mspId: 'msp-b' }).expect(400);
    });

    it('401 without a token, 403 for roles that may not read the log', async () => {
      await t.http().get('/activity-log/msp/export').query({ format: 'csv' }).expect(401);
      await t.http().get('/activity-log/business/export').query({ format: 'csv' }).expect(401);
      await get('/activity-log/msp/export', tokens.mspMember, { format: 'csv' }).expect(403);
      await get('/activity-log/msp/export', tokens.orgOwner, { format: 'csv' }).expect(403);
      await get('/activity-log/business/export', tokens.dash, { format: 'jsonl' }).expect(403);
      await get('/activity-log/business/export', tokens.mspOwner, { format: 'jsonl' }).expect(403);
      await get(`/organizations/${orgX}/feed/export`, tokens.dash, { format: 'csv' }).expect(403);
      await get(`/organizations/${orgX}/feed/export`, tokens.mspMember, { format: 'csv' }).expect(403);
    });

    it('503 when the view cannot reach minPosition in time; the export once it has', async () => {
      const { position } = await post('/settings', tokens.mspOwner, { key: 'requireTwoFactor', value: true });
      const fresh = await jsonl('/activity-log/msp/export', tokens.mspOwner, { minPosition: position, category: 'Settings' });
      expect(fresh[0]).toMatchObject({ eventType: 'MspSettingChanged', position });
      const late = await whileViewLags(t, 'activity-log', (head) => get('/activity-log/msp/export', tokens.mspOwner, { format: 'csv', minPosition: head }).expect(503));
      expect(late.body.message).toMatch(/has not reached position/);
      const ahead = (BigInt(position) + 1000n).toString();
      const never = await get('/activity-log/msp/export', tokens.mspOwner, { format: 'csv', minPosition: ahead }).expect(400);
      expect(never.body.message).toMatch(/is past the last event written/);
    });
  });

  describe('a store failure', () => {
    it('before the first byte is an ordinary JSON error, not a broken download', async () => {
      const store = t.app.get<ActivityLogStore>(ACTIVITY_LOG_STORE);
      const failing = jest.spyOn(store, 'query').mockRejectedValueOnce(new Error('disk I/O error'));
      try {
        const res = await get('/activity-log/msp/export', tokens.mspOwner, { format: 'csv' }).expect(500);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.headers['content-disposition']).toBeUndefined();
        expect(res.body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' });
      } finally {
        failing.mockRestore();
      }
      await csv('/activity-log/msp/export', tokens.mspOwner);
    });
  });

  describe('a large export', () => {
    const N = 30_000;
    const start = Date.now() - 60 * DAY;
    const window = { from: new Date(start).toISOString(), to: new Date(start + 20 * DAY).toISOString() };
    let store: ActivityLogStore;

    beforeAll(async () => {
      store = t.app.get<ActivityLogStore>(ACTIVITY_LOG_STORE);
      const run = { mspId: 'msp-a', startMs: start, stepMs: 60_000, tiesPer: 2, positionBase: 10n ** 12n, idPrefix: 'bulk' };
      const checkpoint = (await store.checkpoint()) ?? 0n; // rows only: the projector's checkpoint stays where it is
      for (let i = 0; i < N; i += 5000) await store.applyBatch(syntheticEntries(run, i, Math.min(N, i + 5000)), checkpoint);
    });

    it('streams every entry, newest first, in CSV and in JSON Lines', async () => {
      const { records } = await csv('/activity-log/msp/export', tokens.mspOwner, window);
      expect(records).toHaveLength(N);
      const ids = records.map((r) => cell(r, 'eventId'));
      expect(new Set(ids).size).toBe(N);
      const keys = records.map((r) => `${cell(r, 'occurredAt')}|${cell(r, 'position').padStart(20, '0')}`);
      expect(keys.every((k, i) => i === 0 || keys[i - 1] > k)).toBe(true);
      const firstPage = await logItems('/activity-log/msp', tokens.mspOwner, window);
      expect(records.slice(0, 1000)).toEqual(firstPage.map(expectedRecord));
      const lines = await jsonl('/activity-log/msp/export', tokens.mspOwner, { ...window, category: 'Settings' });
      expect(lines).toHaveLength(N / 4);
      expect(lines.every((e) => e.category === 'Settings')).toBe(true);
    });

    it('stops reading the store when the client goes away', async () => {
      const reads = jest.spyOn(store, 'query');
      const server: Server = createServer(t.app.getHttpAdapter().getInstance());
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const query = new URLSearchParams({ format: 'jsonl', ...window }).toString();
        const res = await new Promise<IncomingMessage>((resolve, reject) => {
          httpRequest({ port, host: '127.0.0.1', path: `/activity-log/msp/export?${query}`, headers: { authorization: `Bearer ${tokens.mspOwner}` } }, resolve)
            .on('error', reject)
            .end();
        });
        expect(res.statusCode).toBe(200);
        await new Promise((resolve) => res.once('data', resolve));
        res.pause(); // a slow client: the server must wait instead of reading ahead
        await sleep(300);
        const whilePaused = reads.mock.calls.length;
        expect(whilePaused).toBeLessThan(N / EXPORT_PAGE_SIZE / 2); // what the socket's buffers hold, not the export
        res.destroy(); // and then it goes away
        await sleep(300);
        const afterClose = reads.mock.calls.length;
        await sleep(300);
        expect(reads.mock.calls.length).toBe(afterClose);
        expect(afterClose).toBeLessThan(N / EXPORT_PAGE_SIZE / 2);
        expect(reads.mock.calls.every(([q]: [ActivityLogQuery]) => q.scope.mspId === 'msp-a')).toBe(true);
      } finally {
        reads.mockRestore();
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });

  it('documents the export routes in the OpenAPI document', async () => {
    const doc = (await t.http().get('/openapi.json').expect(200)).body;
    for (const path of ['/activity-log/msp/export', '/activity-log/business/export', '/organizations/{organizationId}/feed/export']) {
      const names = doc.paths[path].get.parameters.map((p: { name: string }) => p.name);
      expect(names).toEqual(expect.arrayContaining(['format', 'from', 'to', 'minPosition']));
      expect(names).not.toContain('cursor');
      expect(names).not.toContain('limit');
      expect(Object.keys(doc.paths[path].get.responses['200'].content)).toEqual(['text/csv; charset=utf-8', 'application/x-ndjson']);
    }
  });
});
