import { Inject, Injectable } from '@nestjs/common';
import { InvalidInput } from '@app/domain';
import { Principal } from '@app/auth';
import { ACTIVITY_LOG_STORE, ActivityEntry, ActivityLogStore, CursorSigner, PresentedEntry, presentEntry } from '@app/projections';
import { PersonalData, RevealerSource } from '@app/privacy';
import { ScopedLogQuery } from '../activity-log/activity-log.service';
import { cursorViewer } from '../shared/cursor-signing.module';
import { PullQueryDto } from './pull.dto';
import { PullCursors, PullPosition } from './pull-cursor';

export interface PullPage {
  items: PresentedEntry[];
  cursor: string;
  hasMore: boolean;
}

/** A feed to pull: its name (what a cursor is bound to) and its scope and audience, from the log queries' own rules. */
export interface PullFeed {
  name: string;
  scoped: ScopedLogQuery;
}

const DEFAULT_LIMIT = 100;
/** With time bounds, rows are read in chunks, at most MAX_SCANNED per request (the cursor then moves past what was read). */
const CHUNK = 1000;
const MAX_SCANNED = 10_000;

interface Scan {
  entries: ActivityEntry[];
  next: bigint | undefined;
  hasMore: boolean;
}

/**
 * The pull API: a log in ingestion order (the event store's global position), for pollers.
 * Only entries at or below the activity view's checkpoint are returned, so one committed late,
 * with an earlier timestamp (another API process, a slow append), is never skipped, and none is
 * returned twice: the cursor is the position read up to. The time bounds of the first request
 * filter by occurredAt; they do not change the order.
 */
@Injectable()
export class PullService {
  private readonly cursors: PullCursors;

  constructor(
    @Inject(ACTIVITY_LOG_STORE) private readonly store: ActivityLogStore,
    signer: CursorSigner,
    @Inject(PersonalData) private readonly personalData: RevealerSource,
  ) {
    this.cursors = new PullCursors(signer);
  }

  async pull(feed: PullFeed, reader: Principal, dto: PullQueryDto): Promise<PullPage> {
    const viewer = cursorViewer(reader);
    const position = this.position(dto, viewer, feed.name);
    const limit = dto.limit ?? DEFAULT_LIMIT;
    const checkpoint = await this.store.checkpoint();
    const scan: Scan = checkpoint === undefined ? { entries: [], next: position.after, hasMore: false } : await this.scan(feed, position, limit, checkpoint);
    // Revealed as every channel reveals: an erased member's pseudonym, from the erasure on.
    const reveal = await this.personalData.revealerFor(scan.entries);
    return {
      items: scan.entries.map((entry) => presentEntry(entry, feed.scoped.audience, reveal)),
      cursor: this.cursors.encode({ ...position, after: scan.next }, viewer, feed.name),
      hasMore: scan.hasMore,
    };
  }

  private position(dto: PullQueryDto, viewer: string, feed: string): PullPosition {
    if (dto.cursor !== undefined) {
      if (dto.startTime !== undefined || dto.endTime !== undefined) {
        throw new InvalidInput('a cursor carries the time bounds of the first request: send the cursor alone', 'cursor', ['startTime', 'endTime']);
      }
      return this.cursors.decode(dto.cursor, viewer, feed);
    }
    const { startTime, endTime } = dto;
    if (startTime !== undefined && endTime !== undefined && Date.parse(startTime) >= Date.parse(endTime)) {
      throw new InvalidInput('startTime must be before endTime', 'startTime', ['endTime']);
    }
    return {
      after: undefined,
      startTime: startTime && new Date(startTime).toISOString(),
      endTime: endTime && new Date(endTime).toISOString(),
    };
  }

  private async scan(feed: PullFeed, position: PullPosition, limit: number, checkpoint: bigint): Promise<Scan> {
    const { scope, categories } = feed.scoped.query;
    const bounded = position.startTime !== undefined || position.endTime !== undefined;
    const caughtUp = (): Scan => ({ entries, next: max(position.after, checkpoint), hasMore: false });
    const entries: ActivityEntry[] = [];
    let after = position.after;
    let budget = bounded ? MAX_SCANNED : limit + 1;
    while (budget > 0) {
      const want = Math.min(bounded ? CHUNK : limit + 1, budget);
      const rows = await this.store.tail({ scope, categories, afterPosition: after, limit: want });
      budget -= rows.length;
      for (const row of rows) {
        if (row.position > checkpoint) return caughtUp();
        if (within(row, position)) {
          if (entries.length === limit) return { entries, next: entries[limit - 1].position, hasMore: true };
          entries.push(row);
        }
        after = row.position;
      }
      if (rows.length < want) return caughtUp();
    }
    return { entries, next: after, hasMore: true };
  }
}

function within(entry: ActivityEntry, { startTime, endTime }: PullPosition): boolean {
  return (startTime === undefined || entry.occurredAt >= startTime) && (endTime === undefined || entry.occurredAt < endTime);
}

function max(a: bigint | undefined, b: bigint): bigint {
  return a !== undefined && a > b ? a : b;
}
