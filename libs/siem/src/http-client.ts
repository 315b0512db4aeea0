import { Agent as HttpAgent, IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface HttpClientOptions {
  /** PEM CA certificate(s) to trust instead of the default ones (a Splunk with its own CA). */
  ca?: string | Buffer;
  /** Per request, from sending to the whole answer read. */
  timeoutMs?: number;
  maxSockets?: number;
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * Sends requests over keep-alive connections and reads the whole answer. Rejects only when no HTTP
 * answer came (refused, reset, TLS, timeout: the error keeps Node's `code`).
 */
export class HttpClient {
  private readonly http: HttpAgent;
  private readonly https: HttpsAgent;
  private readonly timeoutMs: number;

  constructor(options: HttpClientOptions = {}) {
    const maxSockets = options.maxSockets ?? 4;
    this.http = new HttpAgent({ keepAlive: true, maxSockets });
    this.https = new HttpsAgent({ keepAlive: true, maxSockets, ...(options.ca ? { ca: options.ca } : {}) });
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  post(url: URL, headers: Record<string, string>, body: string | Buffer): Promise<HttpAnswer> {
    const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    return this.request('POST', url, { ...headers, 'content-length': String(payload.length) }, payload);
  }

  get(url: URL, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    return this.request('GET', url, headers);
  }

  private request(method: string, url: URL, headers: Record<string, string>, payload?: Buffer): Promise<HttpAnswer> {
    const secure = url.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(url, { method, agent: secure ? this.https : this.http, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.setTimeout(this.timeoutMs, () => req.destroy(Object.assign(new Error(`no answer within ${this.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.http.destroy();
    this.https.destroy();
  }
}
