import type { Response } from 'express';

/** Where a live tail writes its messages. */
export interface SseSink {
  /** One message; false when the client is not keeping up (wait for drained()). */
  send(id: string, event: string, data: unknown): boolean;
  drained(): Promise<void>;
}

/** Why the server ends a stream: the client should reconnect (with a fresh token when it expired). */
export type EndReason = 'token_expired' | 'server_shutdown';

export const END_EVENT = 'end';

/** One `text/event-stream` answer over a plain Express response, with heartbeats until it ends. */
export class SseResponse implements SseSink {
  private readonly heartbeat: NodeJS.Timeout;

  private constructor(private readonly res: Response, heartbeatMs: number) {
    this.heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
    res.once('close', () => clearInterval(this.heartbeat));
  }

  /** Sends the headers and the reconnection delay: from here on, errors can no longer be JSON answers. */
  static open(res: Response, options: { retryMs: number; heartbeatMs: number }): SseResponse {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write(`retry: ${options.retryMs}\n\n`);
    return new SseResponse(res, options.heartbeatMs);
  }

  send(id: string, event: string, data: unknown): boolean {
    return this.res.write(sseFrame(id, event, data));
  }

  /** Resolves once the client has taken what was written, or is gone. */
  drained(): Promise<void> {
    if (!this.res.writableNeedDrain || this.res.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.res.off('drain', done).off('close', done);
        resolve();
      };
      this.res.on('drain', done).on('close', done);
    });
  }

  /** The last message: `event: end` with the reason, no id (the client resumes after the last entry it got). */
  sendEnd(reason: EndReason): void {
    if (!this.res.writableEnded && !this.res.destroyed) this.res.write(`event: ${END_EVENT}\ndata: ${JSON.stringify({ reason })}\n\n`);
  }

  end(): void {
    clearInterval(this.heartbeat);
    if (!this.res.writableEnded) this.res.end();
  }
}

/** JSON.stringify escapes line breaks, so the data always fits on one `data:` line. */
export function sseFrame(id: string, event: string, data: unknown): string {
  return `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
