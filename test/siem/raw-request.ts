import { Agent as HttpAgent, IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** PEM to trust for https (the test server's self-signed certificate). */
  ca?: string;
  agent?: HttpAgent | HttpsAgent;
}

/** A bare node:http(s) request, independent of the code under test. Rejects on network errors. */
export function rawRequest(url: string, options: RawRequestOptions = {}): Promise<RawAnswer> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body);
  const headers = { ...(options.headers ?? {}), ...(body ? { 'content-length': String(body.length) } : {}) };
  const send = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(target, { method: options.method ?? 'POST', headers, ca: options.ca, agent: options.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
