import { Logger } from '@nestjs/common';
import { EventStore } from '@app/event-store';
import { applyOrDeadLetter } from '../dead-letters/dead-lettering';
import { DeadLetterStore } from '../dead-letters/dead-letter.store';
import { Projector } from './projector';

export interface RebuildProgress {
  /** Events applied so far. */
  applied: number;
  /** Position reached, and the store's head when the rebuild started. */
  position: bigint;
  head: bigint;
}

/**
 * Drops a view and replays the whole store into it, page by page, from the first event to
 * the head as it was when the rebuild started (a running projector carries on from there).
 * With a dead-letter store, the view's dead letters go with it, and an event it still cannot
 * apply is dead-lettered again while the rebuild goes on.
 */
export function rebuildView(store: EventStore, projector: Projector, options: RebuildOptions = {}): Promise<RebuildProgress> {
  return rebuildViews(store, [projector], options);
}

export interface RebuildOptions {
  batchSize?: number;
  onProgress?: (p: RebuildProgress) => void;
  deadLetters?: DeadLetterStore;
}

/**
 * rebuildView for several views in one pass over the store: each page is read (and its JSON
 * parsed) once and applied to every view in turn, instead of one full read per view.
 */
export async function rebuildViews(store: EventStore, projectors: readonly Projector[], options: RebuildOptions = {}): Promise<RebuildProgress> {
  const head = await store.headPosition();
  const batchSize = options.batchSize ?? 1000;
  const { deadLetters } = options;
  for (const projector of projectors) {
    await projector.reset();
    await deadLetters?.clear(projector.name);
    await projector.beforeRebuild?.();
  }
  const loggers = projectors.map((p) => new Logger(`Rebuild:${p.name}`));
  const progress: RebuildProgress = { applied: 0, position: -1n, head };
  while (progress.position < head) {
    const page = await store.readAll({ fromPosition: progress.position < 0n ? undefined : progress.position, limit: batchSize });
    const batch = page.filter((e) => e.position <= head);
    if (batch.length === 0) break;
    for (const [i, projector] of projectors.entries()) {
      await (deadLetters ? applyOrDeadLetter(projector, batch, { deadLetters, logger: loggers[i] }) : projector.applyBatch(batch));
    }
    progress.applied += batch.length;
    progress.position = batch[batch.length - 1].position;
    options.onProgress?.(progress);
  }
  for (const projector of projectors) await projector.afterRebuild?.();
  return progress;
}
