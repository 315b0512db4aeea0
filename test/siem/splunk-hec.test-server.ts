import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { checkHecEvent, GUID, HEC_CODES, HecCode, HecRefusal, parseConcatenatedObjects } from './hec-protocol';
import { LoopbackServer, RawRequest, Reply } from './loopback-server';
import { selfSignedCertificate, TestCertificate } from './self-signed-cert';

export interface SplunkHecTestServerOptions {
  /** The one valid HEC token (a GUID, as Splunk generates them); random by default. */
  token?: string;
  /** The token's allowed indexes; any index when unset. */
  allowedIndexes?: string[];
  /** Indexer acknowledgement (the token's `useACK`): off by default, as in Splunk. */
  ack?: boolean;
  /** How long after acceptance an ackId reports true (the "indexing" delay). */
  ackDelayMs?: number;
  /** Serve HTTPS with a self-signed certificate made by the test (`certificate` to trust). */
  https?: boolean;
  /** Splunk's `max_content_length` (bytes of one request body). */
  maxContentLength?: number;
}

/** One event the server accepted, as it was sent, with the channel it came on. */
export type ReceivedHecEvent = Record<string, unknown> & { channel?: string };

const EVENT_PATHS = new Set(['/services/collector', '/services/collector/event', '/services/collector/event/1.0']);
const ACK_PATH = '/services/collector/ack';
const HEALTH_PATH = '/services/collector/health';
/** Splunk's default max_content_length (inputs.conf [http]). */
const SPLUNK_MAX_CONTENT_LENGTH = 838_860_800;

/**
 * A Splunk HTTP Event Collector on loopback that checks the protocol as strictly as Splunk:
 * `Authorization: Splunk <token>` (or Basic with the token as password), the documented
 * status codes and bodies (`{"text":"Success","code":0}`, codes 1–17), concatenated event
 * objects with an `event` field, allowed indexes, flat `fields`, optional gzip, and
 * optional indexer acknowledgement (channel GUID, ackIds, /services/collector/ack).
 * A batch is accepted or refused whole. Faults: `failNext` on route 'event' or 'ack'.
 */
export class SplunkHecTestServer extends LoopbackServer {
  /** Every event accepted, in order. */
  readonly events: ReceivedHecEvent[] = [];
  /** Requests to the event endpoint, whatever their answer. */
  eventRequests = 0;
  ackRequests = 0;
  private token: string;
  private tokenEnabled = true;
  private readonly channels = new Map<string, { nextAckId: number; pending: Map<number, number> }>();
  private ackIdsToLose = 0;
  private acksHeld = false;

  private constructor(private readonly options: SplunkHecTestServerOptions, readonly certificate: TestCertificate | undefined) {
    super(certificate, options.maxContentLength ?? SPLUNK_MAX_CONTENT_LENGTH);
    this.token = options.token ?? randomUUID();
  }

  static async start(options: SplunkHecTestServerOptions = {}): Promise<SplunkHecTestServer> {
    const server = new SplunkHecTestServer(options, options.https ? await selfSignedCertificate() : undefined);
    await server.listen();
    return server;
  }

  get validToken(): string {
    return this.token;
  }

  /** Rotates the token on the Splunk side: the old one now gets 403 code 4. */
  rotateToken(token = randomUUID()): string {
    this.token = token;
    return token;
  }

  /** Disables the token: 403 code 1 "Token disabled". */
  disableToken(): void {
    this.tokenEnabled = false;
  }

  /** The next `count` event posts get Splunk's own 503 `{"text":"Server is busy","code":9}`. */
  busyNext(count: number, retryAfterSeconds?: number): void {
    const retryAfter = retryAfterSeconds === undefined ? undefined : String(retryAfterSeconds);
    this.failNext(count, { kind: 'status', status: 503, retryAfter, body: JSON.stringify({ text: 'Server is busy', code: 9 }) });
  }

  /** AckIds handed out from now on stay false until `releaseAcks()` ("indexing" takes a while). */
  holdAcks(): void {
    this.acksHeld = true;
  }

  /** Every held ackId turns true. */
  releaseAcks(): void {
    this.acksHeld = false;
    for (const state of this.channels.values()) {
      for (const [id, readyAt] of state.pending) if (readyAt === Number.POSITIVE_INFINITY) state.pending.set(id, 0);
    }
  }

  /** The next `count` ackIds handed out never report true (the events were lost before indexing). */
  loseNextAcks(count: number): void {
    this.ackIdsToLose += count;
  }

  protected defaultRoute(): string {
    return 'event';
  }

  protected routeOf(request: RawRequest): string {
    return request.url.pathname === ACK_PATH ? 'ack' : 'event';
  }

  protected handle(request: RawRequest): Reply {
    const path = request.url.pathname;
    if (path === HEALTH_PATH && request.method === 'GET') return hec(17);
    if (!EVENT_PATHS.has(path) && path !== ACK_PATH) {
      return { status: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'The requested URL was not found on this server.', code: 404 }) };
    }
    if (request.method !== 'POST') return { status: 405, headers: { allow: 'POST', 'content-type': 'application/json' }, body: '{"text":"Method Not Allowed","code":405}' };
    try {
      return path === ACK_PATH ? this.acks(request) : this.collect(request);
    } catch (error) {
      if (error instanceof HecRefusal) return hec(error.code, error.invalidEventNumber);
      throw error;
    }
  }

  private collect(request: RawRequest): Reply {
    this.eventRequests += 1;
    this.authenticate(request);
    const channel = this.channelOf(request, this.options.ack === true);
    const text = decode(request).trim();
    if (text === '') throw new HecRefusal(5);
    const events = parseConcatenatedObjects(text);
    events.forEach((event, n) => checkHecEvent(event, n, this.options.allowedIndexes));
    this.events.push(...events.map((event) => (channel ? { ...event, channel } : event)));
    if (!this.options.ack || !channel) return hec(0);
    return { ...hec(0), body: JSON.stringify({ text: 'Success', code: 0, ackId: this.issueAckId(channel) }) };
  }

  private acks(request: RawRequest): Reply {
    this.ackRequests += 1;
    this.authenticate(request);
    if (!this.options.ack) throw new HecRefusal(14);
    const channel = this.channelOf(request, true) as string;
    let ids: unknown;
    try {
      ids = (JSON.parse(decode(request)) as { acks?: unknown }).acks;
    } catch {
      throw new HecRefusal(6, 0);
    }
    if (!Array.isArray(ids) || !ids.every((id) => Number.isInteger(id) && id >= 0)) throw new HecRefusal(6, 0);
    const state = this.channels.get(channel);
    const now = Date.now();
    const answer: Record<string, boolean> = {};
    for (const id of ids as number[]) {
      const readyAt = state?.pending.get(id);
      answer[id] = readyAt !== undefined && readyAt <= now;
      // Splunk forgets an ackId once it reported it true: asking again gives false.
      if (answer[id]) state?.pending.delete(id);
    }
    return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ acks: answer }) };
  }

  private authenticate(request: RawRequest): void {
    const header = request.headers.authorization;
    if (header === undefined) throw new HecRefusal(2);
    const token = tokenOf(header);
    if (token === undefined) throw new HecRefusal(3);
    if (token !== this.token) throw new HecRefusal(4);
    if (!this.tokenEnabled) throw new HecRefusal(1);
  }

  private channelOf(request: RawRequest, required: boolean): string | undefined {
    const channel = (request.headers['x-splunk-request-channel'] as string | undefined) ?? request.url.searchParams.get('channel') ?? undefined;
    if (channel === undefined) {
      if (required) throw new HecRefusal(10);
      return undefined;
    }
    if (!GUID.test(channel)) throw new HecRefusal(11);
    return channel;
  }

  private issueAckId(channel: string): number {
    const state = this.channels.get(channel) ?? { nextAckId: 0, pending: new Map<number, number>() };
    this.channels.set(channel, state);
    const ackId = state.nextAckId;
    state.nextAckId += 1;
    if (this.ackIdsToLose > 0) this.ackIdsToLose -= 1;
    else state.pending.set(ackId, this.acksHeld ? Number.POSITIVE_INFINITY : Date.now() + (this.options.ackDelayMs ?? 0));
    return ackId;
  }
}

/** `Splunk <token>`, or Basic auth whose password is the token (user ignored), as HEC accepts. */
function tokenOf(header: string): string | undefined {
  const splunk = /^Splunk ([^\s]+)$/.exec(header);
  if (splunk) return splunk[1];
  const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header);
  if (!basic) return undefined;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

function decode(request: RawRequest): string {
  const encoding = request.headers['content-encoding'];
  if (encoding === undefined || encoding === 'identity') return request.body.toString('utf8');
  if (encoding !== 'gzip') throw new HecRefusal(6, 0);
  try {
    return gunzipSync(request.body).toString('utf8');
  } catch {
    throw new HecRefusal(6, 0);
  }
}

function hec(code: HecCode, invalidEventNumber?: number): Reply {
  const [status, text] = HEC_CODES[code];
  const body: Record<string, unknown> = { text, code };
  if (invalidEventNumber !== undefined) body['invalid-event-number'] = invalidEventNumber;
  return { status, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: JSON.stringify(body) };
}
