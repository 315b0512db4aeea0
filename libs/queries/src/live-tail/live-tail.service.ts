import { BeforeApplicationShutdown, HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { AppConfig } from '@app/config';
import { Forbidden } from '@app/domain';
import { ACTIVITY_LOG_STORE, ActivityLogStore } from '@app/projections';
import { PersonalData } from '@app/privacy';
import { MemberEmails } from '../shared/member-emails';
import { ScopedLogQuery } from '../activity-log/activity-log.service';
import { LiveTail } from './live-tail';
import { LIVE_TAIL_OPTIONS, LiveTailOptions } from './live-tail.options';
import { EndReason, SseResponse } from './sse-response';

/** Who opens a tail: the principal its open tails are counted against, when its credential expires, and whether it is a machine's. */
export interface TailReader {
  principalKey: string;
  expiresAt?: number;
  /** An API key or an Activity Log token: they poll the pull API instead. */
  machine?: boolean;
}

/** setTimeout's longest delay; a credential valid for longer is checked again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface OpenTail {
  done: Promise<void>;
  end(reason: EndReason): void;
}

/**
 * Opens live tails as Server-Sent Events and ends them: when the client leaves, when the reader's
 * credential expires (`event: end`, reason `token_expired`) and before the HTTP server closes
 * (reason `server_shutdown`). A principal may have LIVE_TAIL_MAX_PER_PRINCIPAL open at once
 * in this process.
 */
@Injectable()
export class LiveTailService implements BeforeApplicationShutdown {
  private readonly running = new Map<AbortController, OpenTail>();
  private readonly perPrincipal = new Map<string, number>();

  constructor(
    @Inject(ACTIVITY_LOG_STORE) private readonly store: ActivityLogStore,
    @Inject(LIVE_TAIL_OPTIONS) private readonly options: LiveTailOptions,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly memberEmails: MemberEmails,
    private readonly personalData: PersonalData,
  ) {}

  /**
   * Streams the scoped log after `resumeAfter`, or from the view's checkpoint (live only).
   * Everything that can fail as a JSON answer happens before the headers are sent: too many
   * tails (429), and a read store that does not answer (503).
   */
  async stream(scoped: ScopedLogQuery, resumeAfter: bigint | undefined, res: Response, reader: TailReader): Promise<void> {
    if (reader.machine) {
      // A stream checks its credential once, when it opens; a revoked key or token must stop within a second.
      throw new Forbidden('Live tails are for panel sessions: API keys and Activity Log tokens poll the pull API (GET /pull/…) instead');
    }
    const release = this.claim(reader.principalKey);
    let after: bigint | undefined;
    let filters: Awaited<ReturnType<MemberEmails['resolve']>>;
    try {
      const checkpoint = await this.store.checkpoint();
      after = resumeAfter ?? checkpoint;
      filters = await this.memberEmails.resolve(scoped.query, scoped.memberScopes);
    } catch (error) {
      release();
      throw error;
    }
    const abort = new AbortController();
    res.once('close', () => abort.abort());
    if (res.destroyed) abort.abort(); // gone while the checkpoint was read: 'close' will not come again
    const sse = SseResponse.open(res, this.options);
    const end = (reason: EndReason) => {
      sse.sendEnd(reason);
      abort.abort();
    };
    const expiry = reader.expiresAt === undefined ? undefined : this.endAt(reader.expiresAt, () => end('token_expired'));
    const done = new LiveTail(this.store, scoped, sse, this.options, this.personalData, filters)
      .run(after, abort.signal)
      .finally(() => {
        clearTimeout(expiry?.timer);
        sse.end();
        release();
        this.running.delete(abort);
      });
    this.running.set(abort, { done, end });
  }

  /** Streams still being served. */
  get openStreams(): number {
    return this.running.size;
  }

  /** An open stream would keep the HTTP server from closing. */
  async beforeApplicationShutdown(): Promise<void> {
    for (const tail of this.running.values()) tail.end('server_shutdown');
    await Promise.all([...this.running.values()].map((tail) => tail.done));
  }

  /** Counts a tail against its principal, or answers 429; the returned function gives it back (once). */
  private claim(principalKey: string): () => void {
    const max = this.config.LIVE_TAIL_MAX_PER_PRINCIPAL;
    const open = this.perPrincipal.get(principalKey) ?? 0;
    if (open >= max) {
      throw new HttpException(
        `Too many live tails: at most ${max} may be open at once for one principal; close one before opening another`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    this.perPrincipal.set(principalKey, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.perPrincipal.get(principalKey) ?? 1) - 1;
      if (left > 0) this.perPrincipal.set(principalKey, left);
      else this.perPrincipal.delete(principalKey);
    };
  }

  private endAt(expiresAt: number, onExpiry: () => void): { timer?: NodeJS.Timeout } {
    const holder: { timer?: NodeJS.Timeout } = {};
    const wait = () => {
      const left = expiresAt - Date.now();
      if (left <= 0) return onExpiry();
      holder.timer = setTimeout(wait, Math.min(left, MAX_TIMER_MS));
    };
    wait();
    return holder;
  }
}
