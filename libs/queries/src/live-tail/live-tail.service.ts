import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { Forbidden, isMachineRole } from '@app/domain';
import { Principal } from '@app/auth';
import { ACTIVITY_LOG_STORE, ActivityLogStore } from '@app/projections';
import { ScopedLogQuery } from '../activity-log/activity-log.service';
import { LiveTail } from './live-tail';
import { LIVE_TAIL_OPTIONS, LiveTailOptions } from './live-tail.options';
import { SseResponse } from './sse-response';

/** Opens live tails as Server-Sent Events and ends them all before the HTTP server closes. */
@Injectable()
export class LiveTailService implements BeforeApplicationShutdown {
  private readonly running = new Map<AbortController, Promise<void>>();

  constructor(
    @Inject(ACTIVITY_LOG_STORE) private readonly store: ActivityLogStore,
    @Inject(LIVE_TAIL_OPTIONS) private readonly options: LiveTailOptions,
  ) {}

  /**
   * Streams the scoped log after `resumeAfter`, or from the view's checkpoint (live only).
   * Everything that can fail as a JSON answer happens before the headers are sent.
   */
  async stream(scoped: ScopedLogQuery, resumeAfter: bigint | undefined, res: Response, reader?: Principal): Promise<void> {
    if (reader && isMachineRole(reader.role)) {
      // A stream checks its credential once, when it opens; a revoked key or token must stop within a second.
      throw new Forbidden('Live tails are for panel sessions: API keys and Activity Log tokens poll the pull API (GET /pull/…) instead');
    }
    const after = resumeAfter ?? (await this.store.checkpoint());
    const abort = new AbortController();
    res.once('close', () => abort.abort());
    if (res.destroyed) abort.abort(); // gone while the checkpoint was read: 'close' will not come again
    const sse = SseResponse.open(res, this.options);
    const run = new LiveTail(this.store, scoped, sse, this.options)
      .run(after, abort.signal)
      .finally(() => {
        sse.end();
        this.running.delete(abort);
      });
    this.running.set(abort, run);
  }

  /** Streams still being served. */
  get openStreams(): number {
    return this.running.size;
  }

  /** An open stream would keep the HTTP server from closing. */
  async beforeApplicationShutdown(): Promise<void> {
    for (const abort of this.running.keys()) abort.abort();
    await Promise.all(this.running.values());
  }
}
