import { createServer as createHttpServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { AddressInfo, Socket } from 'node:net';
import { TestCertificate } from './self-signed-cert';

/** What a test can make the next requests suffer. */
export type InjectedFault =
  /** Answer with this status (and Retry-After, when given) instead of handling the request. */
  | { kind: 'status'; status: number; retryAfter?: string; body?: string; contentType?: string }
  /** Wait this long, then handle the request normally. */
  | { kind: 'latency'; ms: number }
  /** Drop the connection without an answer (a network error for the client). */
  | { kind: 'reset' };

export interface RawRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * An HTTP(S) server on an ephemeral loopback port that the SIEM test servers build on:
 * fault queues per route, and `goDown()` / `comeBack()` to refuse connections on the same port.
 */
export abstract class LoopbackServer {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private readonly faults = new Map<string, InjectedFault[]>();
  private readonly randomFaults = new Map<string, { probability: number; faults: InjectedFault[]; random: () => number }>();
  private port = 0;
  /** Faults suffered so far, queued or random. */
  injectedFaults = 0;

  protected constructor(private readonly tls: TestCertificate | undefined, private readonly maxBodyBytes: number) {}

  get url(): string {
    return `${this.tls ? 'https' : 'http'}://127.0.0.1:${this.port}`;
  }

  /** The next `count` requests to `route` (as the subclass names its routes) suffer `fault`. */
  failNext(count: number, fault: InjectedFault, route = this.defaultRoute()): void {
    const queue = this.faults.get(route) ?? [];
    for (let i = 0; i < count; i += 1) queue.push(fault);
    this.faults.set(route, queue);
  }

  /**
   * From now on, each request to `route` that no queued fault claims suffers one of `faults` with this
   * probability (picked with `random`, which a test seeds to be repeatable). A probability of 0 stops it.
   */
  failRandomly(probability: number, faults: InjectedFault[], random: () => number = Math.random, route = this.defaultRoute()): void {
    if (probability <= 0) this.randomFaults.delete(route);
    else this.randomFaults.set(route, { probability, faults, random });
  }

  clearFaults(): void {
    this.faults.clear();
    this.randomFaults.clear();
  }

  async listen(): Promise<void> {
    const handler = (req: IncomingMessage, res: ServerResponse) => void this.serve(req, res);
    const server = this.tls ? createHttpsServer({ key: this.tls.key, cert: this.tls.cert }, handler) : createHttpServer(handler);
    server.keepAliveTimeout = 30_000;
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    server.on('secureConnection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Closes the listener and every open connection: new connections are refused. */
  async goDown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  /** Listens again on the same port. */
  comeBack(): Promise<void> {
    return this.listen();
  }

  stop(): Promise<void> {
    return this.goDown();
  }

  private randomFault(route: string): InjectedFault | undefined {
    const chaos = this.randomFaults.get(route);
    if (!chaos || chaos.random() >= chaos.probability) return undefined;
    return chaos.faults[Math.floor(chaos.random() * chaos.faults.length)];
  }

  protected abstract defaultRoute(): string;
  protected abstract routeOf(request: RawRequest): string;
  protected abstract handle(request: RawRequest): Promise<Reply> | Reply;

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await this.answer(req, res);
    } catch {
      req.socket.destroy();
    }
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, this.maxBodyBytes);
    const request: RawRequest = { method: req.method ?? 'GET', url: new URL(req.url ?? '/', this.url), headers: req.headers, body: body ?? Buffer.alloc(0) };
    const route = this.routeOf(request);
    const fault = this.faults.get(route)?.shift() ?? this.randomFault(route);
    if (fault) this.injectedFaults += 1;
    if (fault?.kind === 'reset') return void req.socket.destroy();
    if (fault?.kind === 'latency') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    const reply: Reply =
      fault?.kind === 'status'
        ? faultReply(fault)
        : body === undefined
          ? { status: 413, headers: { 'content-type': 'text/plain' }, body: `request body over ${this.maxBodyBytes} bytes` }
          : await this.handle(request);
    res.writeHead(reply.status, reply.headers ?? {});
    res.end(reply.body ?? '');
  }
}

function faultReply(fault: Extract<InjectedFault, { kind: 'status' }>): Reply {
  const headers: Record<string, string> = { 'content-type': fault.contentType ?? 'application/json' };
  if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
  return { status: fault.status, headers, body: fault.body ?? '' };
}

/** The whole body, or undefined when it is over the limit (the rest is drained, not kept). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
