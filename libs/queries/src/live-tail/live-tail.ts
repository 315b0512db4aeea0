import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { ActivityLogStore, presentEntry } from '@app/projections';
import { RevealerSource } from '@app/privacy';
import { ScopedLogQuery } from '../activity-log/activity-log.service';
import { LiveFilters, matchesFilters } from './entry-filters';
import { LiveTailOptions } from './live-tail.options';
import { SseSink } from './sse-response';

export const ACTIVITY_EVENT = 'activity';

type Timings = Pick<LiveTailOptions, 'pollIntervalMs' | 'pageSize' | 'errorBackoffMs'>;

/**
 * Follows the activity view after a position and sends each entry the reader may see, oldest
 * first, with its position as the message id. Only entries at or below the view's checkpoint
 * are sent: the MongoDB adapter writes a batch unordered and the checkpoint after it, so an
 * entry above the checkpoint may still have a missing neighbour below it, which would be a gap.
 */
export class LiveTail {
  private readonly logger = new Logger('LiveTail');

  constructor(
    private readonly store: ActivityLogStore,
    private readonly scoped: ScopedLogQuery,
    private readonly sink: SseSink,
    private readonly timings: Timings,
    private readonly personalData: RevealerSource,
    /** The scoped query's filters, its member-email filter resolved. */
    private readonly filters: LiveFilters = scoped.query,
  ) {}

  /** Runs until `signal` aborts (the client left, or the application stops). */
  async run(after: bigint | undefined, signal: AbortSignal): Promise<void> {
    let position = after;
    while (!signal.aborted) {
      try {
        const step = await this.step(position);
        position = step.position;
        if (!step.fullPage) await pause(this.timings.pollIntervalMs, signal);
      } catch (error) {
        if (signal.aborted) return;
        this.logger.warn(`reading the activity view failed, retrying: ${error instanceof Error ? error.message : String(error)}`);
        await pause(this.timings.errorBackoffMs, signal);
      }
    }
  }

  /** One read of the view: sends what is new and says where the next read starts. */
  async step(after: bigint | undefined): Promise<{ position: bigint | undefined; fullPage: boolean }> {
    const checkpoint = await this.store.checkpoint();
    if (checkpoint === undefined) return { position: after, fullPage: false };
    const { scope, categories } = this.scoped.query;
    const rows = await this.store.tail({ scope, categories, afterPosition: after, limit: this.timings.pageSize });
    const applied = rows.filter((row) => row.position <= checkpoint);
    const shown = applied.filter((row) => matchesFilters(row, this.filters));
    const reveal = await this.personalData.revealerFor(shown);
    for (const row of shown) {
      const entry = presentEntry(row, this.scoped.audience, reveal);
      this.sink.send(entry.position, ACTIVITY_EVENT, entry);
    }
    await this.sink.drained();
    const fullPage = rows.length === this.timings.pageSize && applied.length === rows.length;
    return { position: applied.at(-1)?.position ?? after, fullPage };
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return sleep(ms, undefined, { signal }).catch(() => undefined);
}
