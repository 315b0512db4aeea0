import { request as httpRequest, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import { mspPrincipal, orgPrincipal, servicePrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';
import { mintToken } from '@app/auth';
import { LiveTailService } from '@app/queries/live-tail/live-tail.service';

interface SseMessage {
  id?: string;
  event?: string;
  data: string;
}

/** A streaming SSE client over node:http: parses frames as they arrive. */
class SseStream {
  readonly messages: SseMessage[] = [];
  readonly comments: string[] = [];
  retry?: number;
  ended = false;
  private buffer = '';
  private waiters: (() => void)[] = [];

  constructor(private readonly res: IncomingMessage) {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => this.receive(chunk));
    res.on('close', () => {
      this.ended = true;
      this.notify();
    });
  }

  /** Waits until `count` messages have arrived in all. */
  async take(count: number, timeoutMs = 5000): Promise<SseMessage[]> {
    await this.until(() => this.messages.length >= count, timeoutMs, `${count} messages (got ${this.messages.length})`);
    return this.messages.slice(0, count);
  }

  async until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  close(): void {
    this.res.destroy();
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      this.frame(this.buffer.slice(0, end));
      this.buffer = this.buffer.slice(end + 2);
    }
    this.notify();
  }

  private frame(block: string): void {
    const message: SseMessage = { data: '' };
    for (const line of block.split('\n')) {
      const [field, value] = line.startsWith(':') ? ['', line.slice(1).trim()] : [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)];
      if (field === '') this.comments.push(value);
      else if (field === 'retry') this.retry = Number(value);
      else if (field === 'id' || field === 'event') message[field] = value;
      else if (field === 'data') message.data += value;
    }
    if (message.data) this.messages.push(message);
  }

  private notify(): void {
    this.waiters.splice(0).forEach((resolve) => resolve());
  }
}

type Opened = { status: number; stream: SseStream; contentType?: string } | { status: number; body: any; contentType?: string };

describe('Live tail over Server-Sent Events', () => {
  let t: TestApp;
  let port: number;
  const tokens: Record<string, string> = {};
  const open: SseStream[] = [];
  let orgX: string;
  let orgY: string;

  const post = (path: string, token: string, body?: object) =>
    t.command<{ id: string; position: string; eventIds: string[] }>(path, token, body);
  const rename = (name: string) => post(`/organizations/${orgX}/rename`, tokens.mspAdmin, { name });
  /** So that a live-only stream opened next starts after everything sent so far. */
  const caughtUp = () => t.query('/activity-log/msp', tokens.mspOwner).expect(200);

  const connect = (path: string, token: string | undefined, headers: Record<string, string> = {}): Promise<Opened> =>
    new Promise((resolve, reject) => {
      const auth = token ? { Authorization: `Bearer ${token}` } : {};
      const req = httpRequest({ host: '127.0.0.1', port, path, headers: { Accept: 'text/event-stream', ...auth, ...headers } });
      req.on('error', reject);
      req.on('response', (res) => {
        const contentType = res.headers['content-type'];
        if (res.statusCode === 200) {
          const stream = new SseStream(res);
          open.push(stream);
          return resolve({ status: 200, stream, contentType });
        }
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text), contentType }));
      });
      req.end();
    });
  const stream = async (path: string, token: string, headers: Record<string, string> = {}): Promise<SseStream> => {
    const opened = await connect(path, token, headers);
    if (!('stream' in opened)) throw new Error(`${path} answered ${opened.status}: ${JSON.stringify(opened.body)}`);
    return opened.stream;
  };
  const entries = (messages: SseMessage[]) => messages.map((m) => JSON.parse(m.data));

  beforeAll(async () => {
    t = await startTestApp({ MIN_POSITION_TIMEOUT_MS: '5000' });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    tokens.mspOwner = await t.token(mspPrincipal('msp_owner', 'msp-a', { subject: 'olive', email: 'olive@msp-a.example', name: 'Olive' }));
    tokens.mspAdmin = await t.token(mspPrincipal('msp_admin', 'msp-a', { subject: 'adam', email: 'adam@msp-a.example', name: 'Adam' }));
    tokens.mspMember = await t.token(mspPrincipal('msp_member', 'msp-a'));
    tokens.otherMsp = await t.token(mspPrincipal('msp_owner', 'msp-b', { subject: 'bella', name: 'Bella' }));
    const signUp = await t.token(servicePrincipal({ mspId: 'msp-a' }, 'sign-up-service'));
    await post('/msp', signUp, { name: 'MSP A', ownerMemberId: 'olive', ownerEmail: 'olive@msp-a.example', ownerName: 'Olive' });
    orgX = (await post('/organizations', tokens.mspAdmin, { name: 'Org X' })).id;
    orgY = (await post('/organizations', tokens.otherMsp, { name: 'Org Y' })).id;
    tokens.orgOwner = await t.token(orgPrincipal('org_owner', orgX, { subject: 'owen', name: 'Owen' }));
    tokens.orgAdmin = await t.token(orgPrincipal('org_admin', orgX, { subject: 'ada', name: 'Ada' }));
    tokens.ann = await t.token(orgPrincipal('org_member', orgX, { subject: 'ann', name: 'Ann' }));
    tokens.orgYOwner = await t.token(orgPrincipal('org_owner', orgY, { subject: 'yves' }));
    await caughtUp();
  });
  afterEach(() => open.splice(0).forEach((s) => s.close()));
  /** Waits until the server has let go of every stream the earlier tests opened. */
  const s0 = async () => {
    const deadline = Date.now() + 2000;
    while (t.app.get(LiveTailService).openStreams > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(t.app.get(LiveTailService).openStreams).toBe(0);
  };
  afterAll(() => t.close());

  it('sends new entries live, in order, with their positions as ids, and never another MSP’s', async () => {
    const msp = await stream('/activity-log/msp/live', tokens.mspOwner);
    const other = await stream('/activity-log/msp/live', tokens.otherMsp);
    const sent = [await rename('Org X 1'), await rename('Org X 2'), await rename('Org X 3')];
    const foreign = await post(`/organizations/${orgY}/rename`, tokens.otherMsp, { name: 'Org Y 1' });

    const received = await msp.take(3);
    expect(msp.retry).toBe(2000);
    expect(received.map((m) => m.id)).toEqual(sent.map((c) => c.position));
    expect(received.every((m) => m.event === 'activity')).toBe(true);
    expect(entries(received).map((e) => [e.eventType, e.id, e.target.name])).toEqual(
      sent.map((c, i) => ['OrganizationRenamed', c.eventIds[0], `Org X ${i + 1}`]),
    );
    expect(entries(await other.take(1)).map((e) => e.id)).toEqual(foreign.eventIds);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(msp.messages).toHaveLength(3);
    expect(other.messages).toHaveLength(1);
  });

  it('resumes after Last-Event-ID with exactly the missed entries, then goes on live', async () => {
    await caughtUp();
    const first = await stream('/activity-log/msp/live', tokens.mspOwner);
    const before = [await rename('A'), await rename('B')];
    const lastId = (await first.take(2))[1].id!;
    first.close();
    const missed = [await rename('C'), await rename('D'), await rename('E')];

    const resumed = await stream('/activity-log/msp/live', tokens.mspOwner, { 'Last-Event-ID': lastId });
    const after = await rename('F');
    const received = await resumed.take(4);
    expect(lastId).toBe(before[1].position);
    expect(received.map((m) => m.id)).toEqual([...missed, after].map((c) => c.position));
    expect(entries(received).map((e) => e.target.name)).toEqual(['C', 'D', 'E', 'F']);

    await resumed.until(() => t.app.get(LiveTailService).openStreams === 1, 2000, 'the server to stop the first stream');

    const viaQuery = await stream(`/activity-log/msp/live?after=${before[1].position}`, tokens.mspOwner);
    expect((await viaQuery.take(4)).map((m) => m.id)).toEqual(received.map((m) => m.id));
  });

  it('prefers Last-Event-ID to ?after=, as an EventSource reconnecting to the same URL needs', async () => {
    await caughtUp();
    const [c1, c2] = [await rename('G'), await rename('H')];
    await caughtUp();
    const s = await stream(`/activity-log/msp/live?after=${BigInt(c1.position) - 1n}`, tokens.mspOwner, { 'Last-Event-ID': c1.position });
    expect((await s.take(1)).map((m) => m.id)).toEqual([c2.position]);
  });

  it('starts live only without a resume position: nothing older is replayed', async () => {
    await caughtUp();
    const s = await stream('/activity-log/msp/live', tokens.mspOwner);
    const fresh = await rename('Live only');
    expect((await s.take(1)).map((m) => m.id)).toEqual([fresh.position]);
  });

  it('applies the log’s filters', async () => {
    await caughtUp();
    const s = await stream('/activity-log/msp/live?memberEmail=OLIVE@msp-a.example', tokens.mspOwner);
    await rename('by Adam');
    const byOlive = await post('/settings', tokens.mspOwner, { key: 'sessionTimeoutMinutes', value: 45 });
    const received = await s.take(1);
    expect(received.map((m) => m.id)).toEqual([byOlive.position]);
    expect(entries(received)[0]).toMatchObject({ eventType: 'MspSettingChanged', initiator: { id: 'olive' } });
  });

  it('redacts items for organization admins and the MSP, not for owners', async () => {
    await caughtUp();
    const owner = await stream('/activity-log/business/live', tokens.orgOwner);
    const admin = await stream('/activity-log/business/live', tokens.orgAdmin);
    const mspFeed = await stream(`/organizations/${orgX}/feed/live`, tokens.mspAdmin);
    const ownFeed = await stream(`/organizations/${orgX}/feed/live`, tokens.orgOwner);
    const item = await post('/vault/items', tokens.ann, { itemType: 'password', itemName: 'Bank login' });

    const [o] = entries(await owner.take(1));
    const [a] = entries(await admin.take(1));
    const [m] = entries(await mspFeed.take(1));
    const [f] = entries(await ownFeed.take(1));
    expect(o).toMatchObject({ eventType: 'ItemCreated', position: item.position, item: { id: item.id, type: 'password', name: 'Bank login' } });
    expect(f.item).toEqual(o.item);
    for (const redacted of [a, m]) {
      expect(redacted).toMatchObject({ id: o.id, position: item.position, item: { id: item.id, type: null, name: null } });
      expect(redacted.summary).not.toMatch(/Bank login|password/i);
    }
  });

  it('answers 401, 403, 404 and 400 as JSON before any stream starts', async () => {
    const expectError = async (opened: Opened, status: number) => {
      expect(opened.status).toBe(status);
      expect(opened.contentType).toMatch(/application\/json/);
      return 'body' in opened ? opened.body : undefined;
    };
    await expectError(await connect('/activity-log/msp/live', undefined), 401);
    await expectError(await connect('/activity-log/msp/live', tokens.mspMember), 403);
    await expectError(await connect('/activity-log/msp/live', tokens.orgOwner), 403);
    await expectError(await connect('/activity-log/business/live', tokens.ann), 403);
    await expectError(await connect(`/organizations/${orgX}/feed/live`, tokens.otherMsp), 404);
    await expectError(await connect(`/organizations/${orgX}/feed/live`, tokens.orgYOwner), 404);
    for (const bad of ['abc', '-1', '1.5', '1e3', '', '99999999999999999999', '9223372036854775808']) {
      const body = await expectError(await connect('/activity-log/msp/live', tokens.mspOwner, { 'Last-Event-ID': bad }), 400);
      expect(body.fields['Last-Event-ID']).toEqual([expect.stringMatching(/string of digits/)]);
    }
    const badAfter = await expectError(await connect('/activity-log/msp/live?after=x1', tokens.mspOwner), 400);
    expect(badAfter.fields.after).toEqual(['after must be a position: a string of digits']);
    const forged = await expectError(await connect('/activity-log/msp/live?mspId=msp-b', tokens.otherMsp), 400);
    expect(forged.fields.mspId).toEqual(['property mspId should not exist']);
  });

  it('ends a stream when its token expires, with an end event saying why, and frees its place', async () => {
    await caughtUp();
    const shortLived = await mintToken(t.config, mspPrincipal('msp_owner', 'msp-a', { subject: 'olive' }), '3s');
    const s = await stream('/activity-log/msp/live', shortLived);
    const sent = await rename('Before expiry');
    expect((await s.take(1)).map((m) => m.id)).toEqual([sent.position]);
    await s.until(() => s.ended, 10_000, 'the server to end the stream');
    expect(s.messages.slice(1)).toEqual([{ event: 'end', data: '{"reason":"token_expired"}' }]);
    await s.until(() => t.app.get(LiveTailService).openStreams === 0, 2000, 'the server to release the stream');
    const refused = await connect('/activity-log/msp/live', shortLived);
    expect(refused).toMatchObject({ status: 401, body: { message: 'token expired' } });
  });

  it('answers 429 to one live tail more than a principal may have open, and takes one again once a tail closes', async () => {
    await s0(); // nothing left open by earlier tests
    const max = t.config.LIVE_TAIL_MAX_PER_PRINCIPAL;
    expect(max).toBe(5);
    // Two tokens of the same principal share its allowance; another principal has its own.
    const again = await t.token(mspPrincipal('msp_owner', 'msp-a', { subject: 'olive', email: 'olive@msp-a.example', name: 'Olive' }));
    const tails = [];
    for (let i = 0; i < max; i++) tails.push(await stream('/activity-log/msp/live', i % 2 === 0 ? tokens.mspOwner : again));
    const refused = await connect(`/organizations/${orgX}/feed/live`, tokens.mspOwner);
    expect(refused.status).toBe(429);
    expect(refused.contentType).toMatch(/application\/json/);
    expect('body' in refused && refused.body.message).toBe(
      `Too many live tails: at most ${max} may be open at once for one principal; close one before opening another`,
    );
    expect((await connect('/activity-log/msp/live', tokens.mspAdmin)).status).toBe(200);

    tails[0].close();
    await tails[0].until(() => t.app.get(LiveTailService).openStreams === max, 2000, 'the server to notice the closed tail');
    expect((await connect('/activity-log/msp/live', again)).status).toBe(200);
  });

  it('sends the SSE headers', async () => {
    const opened = await connect('/activity-log/msp/live', tokens.mspOwner);
    expect(opened.status).toBe(200);
    expect(opened.contentType).toBe('text/event-stream');
  });

  it('documents the live routes in the OpenAPI document', async () => {
    const doc = (await t.http().get('/openapi.json').expect(200)).body;
    for (const path of ['/activity-log/msp/live', '/activity-log/business/live', '/organizations/{organizationId}/feed/live']) {
      expect(Object.keys(doc.paths[path].get.responses['200'].content)).toEqual(['text/event-stream']);
      expect(doc.paths[path].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['Last-Event-ID', 'after']));
    }
  });

  it('ends open streams when the application closes', async () => {
    const s = await stream('/activity-log/msp/live', tokens.mspOwner);
    open.splice(open.indexOf(s), 1);
    await t.close();
    await s.until(() => s.ended, 2000, 'the stream to end');
    expect(s.messages.at(-1)).toEqual({ event: 'end', data: '{"reason":"server_shutdown"}' });
    t = { close: async () => undefined } as TestApp;
  });
});
