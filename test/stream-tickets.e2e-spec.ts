import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { mintToken } from '@app/auth';
import { mspPrincipal, orgPrincipal, servicePrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

/** An SSE answer read through fetch, as a browser's EventSource would get it (no headers of ours). */
class FetchedStream {
  private text = '';
  private readonly abort = new AbortController();
  status = 0;
  contentType: string | null = null;

  async open(url: string, headers: Record<string, string> = {}): Promise<this> {
    const res = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: this.abort.signal });
    this.status = res.status;
    this.contentType = res.headers.get('content-type');
    if (res.status !== 200) {
      this.text = await res.text();
      return this;
    }
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) return;
        this.text += decoder.decode(value, { stream: true });
      }
    })();
    return this;
  }

  get body(): any {
    return JSON.parse(this.text);
  }

  get raw(): string {
    return this.text;
  }

  /** The `data` of every `event: activity` message so far. */
  entries(): any[] {
    return this.text
      .split('\n\n')
      .filter((block) => block.includes('event: activity'))
      .map((block) => JSON.parse(block.split('\n').find((l) => l.startsWith('data: '))!.slice(6)));
  }

  async waitFor(count: number, timeoutMs = 5000): Promise<any[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.entries().length < count) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} entries (got ${this.entries().length})`);
      await sleep(25);
    }
    return this.entries();
  }

  close(): void {
    this.abort.abort();
  }
}

describe('Stream tickets: live tails and exports for a browser that cannot send headers', () => {
  let t: TestApp;
  let base: string;
  const tokens: Record<string, string> = {};
  const streams: FetchedStream[] = [];
  let orgX: string;
  let itemId: string;

  const ticket = (path: string, token: string) => t.http().post('/stream-tickets').set('Authorization', `Bearer ${token}`).send({ path });
  const issued = async (path: string, token: string): Promise<{ ticket: string; expiresAt: string; url: string }> =>
    (await ticket(path, token).expect(201)).body;
  const open = async (url: string, headers: Record<string, string> = {}) => {
    const s = await new FetchedStream().open(`${base}${url}`, headers);
    streams.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const signUp = await t.token(servicePrincipal({ mspId: 'msp-a' }, 'sign-up-service'));
    await t.command('/msp', signUp, { name: 'MSP A', ownerMemberId: 'olive', ownerEmail: 'olive@msp-a.example', ownerName: 'Olive' });
    tokens.mspOwner = await t.token(mspPrincipal('msp_owner', 'msp-a', { subject: 'olive', email: 'olive@msp-a.example' }));
    tokens.otherMsp = await t.token(mspPrincipal('msp_owner', 'msp-b'));
    orgX = (await t.command('/organizations', tokens.mspOwner, { name: 'Org X' })).id;
    tokens.orgOwner = await t.token(orgPrincipal('org_owner', orgX, { subject: 'owen' }));
    tokens.orgAdmin = await t.token(orgPrincipal('org_admin', orgX, { subject: 'ada' }));
    tokens.orgMember = await t.token(orgPrincipal('org_member', orgX, { subject: 'ann' }));
    itemId = (await t.command('/vault/items', tokens.orgMember, { itemType: 'password', itemName: 'Bank login' })).id;
    await t.query('/activity-log/business', tokens.orgOwner).expect(200);
  });
  afterEach(() => streams.splice(0).forEach((s) => s.close()));
  afterAll(() => t.close());

  it('issues a short-lived ticket bound to a path, and keeps only its hash', async () => {
    const before = Date.now();
    const res = await ticket('/activity-log/msp/live?category=Organization%20Management', tokens.mspOwner).expect(201);
    expect(res.body.ticket).toMatch(/^stk_[A-Za-z0-9_-]{43}$/);
    expect(res.body.url).toBe(`/activity-log/msp/live?category=Organization%20Management&ticket=${res.body.ticket}`);
    const expiresAt = Date.parse(res.body.expiresAt);
    expect(expiresAt).toBeGreaterThan(before);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 30_000);
    const db = new Database(join(t.config.DATA_DIR, 'stream-tickets.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT * FROM stream_tickets').all() as { hash: string; principal: string; target: string }[];
    db.close();
    const row = rows.find((r) => r.hash === createHash('sha256').update(res.body.ticket).digest('hex'));
    expect(row).toMatchObject({ target: 'GET /activity-log/msp/live?category=Organization+Management' });
    expect(JSON.stringify(rows)).not.toContain(res.body.ticket);
  });

  it('opens a live tail from EventSource’s URL alone, as the principal who asked, and sees new entries', async () => {
    const { url } = await issued('/activity-log/msp/live', tokens.mspOwner);
    const stream = await open(url);
    expect([stream.status, stream.contentType]).toEqual([200, 'text/event-stream']);
    const renamed = await t.command(`/organizations/${orgX}/rename`, tokens.mspOwner, { name: 'Org X 2' });
    const [entry] = await stream.waitFor(1);
    expect(entry).toMatchObject({ id: renamed.eventIds[0], eventType: 'OrganizationRenamed', target: { name: 'Org X 2' } });
  });

  it('applies the view’s rules to the ticket’s principal: an admin’s stream is redacted, another MSP gets 404', async () => {
    const admin = await open((await issued('/activity-log/business/live', tokens.orgAdmin)).url);
    const owner = await open((await issued('/activity-log/business/live', tokens.orgOwner)).url);
    await t.command(`/vault/items/${itemId}/use`, tokens.orgMember, { usage: 'copied' });
    const [redacted] = await admin.waitFor(1);
    const [full] = await owner.waitFor(1);
    expect(full.item).toEqual({ id: itemId, type: 'password', name: 'Bank login' });
    expect(redacted.item).toEqual({ id: itemId, type: null, name: null });
    expect(JSON.stringify(redacted)).not.toContain('Bank login');
    const foreign = await open((await issued(`/organizations/${orgX}/feed/live`, tokens.otherMsp)).url);
    expect(foreign.status).toBe(404);
  });

  it('downloads an export from a link, with the view’s redaction', async () => {
    const path = '/activity-log/business/export?format=csv';
    const res = await fetch(`${base}${(await issued(path, tokens.orgAdmin)).url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="business-activity-.*\.csv"$/);
    const csv = await res.text();
    expect(csv).toContain(itemId);
    expect(csv).not.toContain('Bank login');
  });

  it('refuses a ticket used twice with 401', async () => {
    const { url } = await issued('/activity-log/business/export?format=jsonl', tokens.orgOwner);
    expect((await fetch(`${base}${url}`)).status).toBe(200);
    const again = await fetch(`${base}${url}`);
    expect(again.status).toBe(401);
    expect(again.headers.get('www-authenticate')).toMatch(/^Bearer realm="activity-log", error="invalid_token"/);
    expect(((await again.json()) as { message: string }).message).toMatch(/unknown or was used already/);
  });

  it('refuses a ticket for another path or query with 401, and burns it', async () => {
    const wrongPath = await issued('/activity-log/business/live', tokens.orgOwner);
    expect((await open(`/activity-log/business/export?format=csv&ticket=${wrongPath.ticket}`)).status).toBe(401);
    const wrongQuery = await issued('/activity-log/business/export?format=csv', tokens.orgOwner);
    const widened = await open(`/activity-log/business/export?format=jsonl&ticket=${wrongQuery.ticket}`);
    expect([widened.status, widened.body.message]).toEqual([401, 'stream ticket was issued for another path or query']);
    expect((await open(wrongQuery.url)).status).toBe(401);
    const reordered = await issued(`/organizations/${orgX}/feed/export?itemId=${itemId}&format=csv`, tokens.orgOwner);
    expect((await fetch(`${base}/organizations/${orgX}/feed/export?format=csv&itemId=${itemId}&ticket=${reordered.ticket}`)).status).toBe(200);
  });

  it('refuses a bearer token in the URL: only a ticket, never a token, and only on the routes that take one', async () => {
    expect((await open(`/activity-log/msp/live?access_token=${tokens.mspOwner}`)).status).toBe(401);
    const asTicket = await open(`/activity-log/msp/live?ticket=${tokens.mspOwner}`);
    expect([asTicket.status, asTicket.contentType]).toEqual([401, expect.stringMatching(/application\/json/)]);
    const { ticket: forQuery } = await issued('/activity-log/msp/live', tokens.mspOwner);
    expect((await fetch(`${base}/activity-log/msp?ticket=${forQuery}`)).status).toBe(401);
    const both = await open((await issued('/activity-log/msp/live', tokens.mspOwner)).url, { Authorization: `Bearer ${tokens.mspOwner}` });
    expect(both.status).toBe(400);
    const twice = await open(`/activity-log/msp/live?ticket=a&ticket=b`);
    expect(twice.status).toBe(401);
  });

  it('issues tickets for live tails and exports only, to those who read a log', async () => {
    for (const path of ['/activity-log/msp', '/sharing-hub', 'https://evil.example/activity-log/msp/live', '//evil.example/activity-log/msp/live', '/activity-log/msp/live#x']) {
      const res = await ticket(path, tokens.mspOwner).expect(400);
      expect(res.body.fields.path).toEqual([expect.stringMatching(/path must be a live tail or an export/)]);
    }
    await ticket('/activity-log/business/live', tokens.orgMember).expect(403);
    await t.http().post('/stream-tickets').send({ path: '/activity-log/msp/live' }).expect(401);
    await ticket('/activity-log/msp/live', tokens.mspOwner).send({ path: '/activity-log/msp/live', mspId: 'msp-b' }).expect(400);
    const { ticket: chained } = await issued('/activity-log/msp/live', tokens.mspOwner);
    await t.http().post(`/stream-tickets?ticket=${chained}`).send({ path: '/activity-log/msp/live' }).expect(401);
  });
});

describe('Stream tickets: expiry and sharing between API processes', () => {
  it('refuses a ticket used after STREAM_TICKET_TTL_SECONDS with 401', async () => {
    const t = await startTestApp({ STREAM_TICKET_TTL_SECONDS: '1' });
    try {
      const token = await t.token(mspPrincipal('msp_owner', 'msp-a'));
      const res = await t.http().post('/stream-tickets').set('Authorization', `Bearer ${token}`).send({ path: '/activity-log/msp/export?format=csv' }).expect(201);
      expect(Date.parse(res.body.expiresAt) - Date.now()).toBeLessThanOrEqual(1000);
      await sleep(Date.parse(res.body.expiresAt) - Date.now() + 100);
      const late = await t.http().get(res.body.url).expect(401);
      expect(late.body.message).toMatch(/stream ticket expired/);
    } finally {
      await t.close();
    }
  });

  it('never outlives the token that asked for it', async () => {
    const t = await startTestApp();
    try {
      const token = await mintToken(t.config, mspPrincipal('msp_owner', 'msp-a'), '2s');
      const tokenExpiry = (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number }).exp * 1000;
      const res = await t.http().post('/stream-tickets').set('Authorization', `Bearer ${token}`).send({ path: '/activity-log/msp/live' }).expect(201);
      expect(Date.parse(res.body.expiresAt)).toBeLessThanOrEqual(tokenExpiry);
      await sleep(tokenExpiry - Date.now() + 100);
      expect((await t.http().get(res.body.url).expect(401)).body.message).toMatch(/stream ticket expired/);
    } finally {
      await t.close();
    }
  });

  it('ends a stream it opened when the token that asked for it expires, as a stream opened with the token would', async () => {
    const t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    const s = new FetchedStream();
    try {
      const token = await mintToken(t.config, mspPrincipal('msp_owner', 'msp-a'), '2s');
      const { url } = (await t.http().post('/stream-tickets').set('Authorization', `Bearer ${token}`).send({ path: '/activity-log/msp/live' }).expect(201)).body;
      await s.open(`http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}${url}`);
      expect(s.status).toBe(200);
      const deadline = Date.now() + 5000;
      while (!s.raw.includes('event: end') && Date.now() < deadline) await sleep(50);
      expect(s.raw).toContain('event: end\ndata: {"reason":"token_expired"}');
    } finally {
      s.close();
      await t.close();
    }
  });

  it('lets one API process redeem what another issued on the same DATA_DIR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tickets-shared-'));
    const issuer = await startTestApp({ DATA_DIR: dir });
    const other = await startTestApp({ DATA_DIR: dir, PROJECTORS_IN_API: 'false' });
    try {
      const token = await issuer.token(mspPrincipal('msp_owner', 'msp-a'));
      const { url } = (await issuer.http().post('/stream-tickets').set('Authorization', `Bearer ${token}`).send({ path: '/activity-log/msp/export?format=jsonl' }).expect(201)).body;
      await other.http().get(url).expect(200);
      await issuer.http().get(url).expect(401);
    } finally {
      await other.close();
      await issuer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
