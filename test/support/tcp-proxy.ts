import { createConnection, createServer, Server, Socket } from 'node:net';

export type ProxyMode = 'forward' | 'hang' | 'down';

/**
 * A TCP proxy on loopback in front of a real server, that a test switches between three states
 * of that server as its clients see it:
 * - `forward`: the server answers (bytes are relayed both ways);
 * - `hang`: the server accepts connections and never answers (a stuck process, a full disk, a
 *   network partition that drops packets): open connections stop being relayed, new ones are
 *   accepted and read, and nothing ever comes back;
 * - `down`: nothing listens on the port (a stopped server): connections are refused.
 * Back to `forward`, the hung connections are closed, as a restarted server would.
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly clients = new Set<Socket>();
  private state: ProxyMode = 'down';

  private constructor(
    private readonly target: { host: string; port: number },
    public port = 0,
  ) {}

  /** A proxy forwarding to `host:port` (e.g. the shared FerretDB), on a free loopback port. */
  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target);
    await proxy.forward();
    return proxy;
  }

  /** `mongodb://127.0.0.1:27117/` → the same URL through the proxy, naming `database`. */
  static targetOf(url: string): { host: string; port: number } {
    const { hostname, port } = new URL(url);
    return { host: hostname, port: Number(port || 27017) };
  }

  get mode(): ProxyMode {
    return this.state;
  }

  async forward(): Promise<void> {
    if (this.state === 'hang') this.dropClients();
    this.state = 'forward';
    await this.listen();
  }

  async hang(): Promise<void> {
    this.state = 'hang';
    await this.listen();
    for (const client of this.clients) this.silence(client);
  }

  async down(): Promise<void> {
    this.state = 'down';
    this.dropClients();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  close(): Promise<void> {
    return this.down();
  }

  private async listen(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  private accept(client: Socket): void {
    this.clients.add(client);
    client.on('close', () => this.clients.delete(client));
    client.on('error', () => client.destroy());
    if (this.state !== 'forward') return this.silence(client);
    const upstream = createConnection(this.target);
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => this.state === 'forward' && client.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
    (client as Socket & { upstream?: Socket }).upstream = upstream;
  }

  /** The connection stays open, what the client sends is read and dropped, and nothing comes back. */
  private silence(client: Socket): void {
    const upstream = (client as Socket & { upstream?: Socket }).upstream;
    if (upstream) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      upstream.destroy();
    }
    client.removeAllListeners('data');
    client.on('data', () => undefined);
    client.resume();
  }

  private dropClients(): void {
    for (const client of this.clients) client.destroy();
    this.clients.clear();
  }
}
