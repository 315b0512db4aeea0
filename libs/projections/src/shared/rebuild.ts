import { EventStore } from '@app/event-store';
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
 */
export async function rebuildView(
  store: EventStore,
  projector: Projector,
  options: { batchSize?: number; onProgress?: (p: RebuildProgress) => void } = {},
): Promise<RebuildProgress> {
  const head = await store.headPosition();
  const batchSize = options.batchSize ?? 1000;
  await projector.reset();
  await projector.beforeRebuild?.();
  const progress: RebuildProgress = { applied: 0, position: -1n, head };
  while (progress.position < head) {
    const page = await store.readAll({ fromPosition: progress.position < 0n ? undefined : progress.position, limit: batchSize });
    const batch = page.filter((e) => e.position <= head);
    if (batch.length === 0) break;
    await projector.applyBatch(batch);
    progress.applied += batch.length;
    progress.position = batch[batch.length - 1].position;
    options.onProgress?.(progress);
  }
  await projector.afterRebuild?.();
  return progress;
}
