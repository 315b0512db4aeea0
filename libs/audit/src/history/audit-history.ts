import { AuditLog, EventStore, serializeEvent } from '@app/event-store';

export interface HistoryPlan {
  scope: string;
  fromSeq: number;
  /** Leaves in [fromLeaf, belowLeaf): the date bounds and asOf, as tree sizes. */
  fromLeaf: number;
  belowLeaf: number;
  limit: number;
}

const PAGE = 200;

/**
 * A tenant's raw history: its chain's events in position order, as the event store reads them
 * (personal values still sealed), each with its seq and leaf index (to match the export's
 * proofs), then an end line with the cursor of what follows (null when nothing does).
 */
export async function* historyLines(
  log: AuditLog,
  store: EventStore,
  plan: HistoryPlan,
  cursorOf: (next: HistoryPlan) => string,
): AsyncGenerator<string> {
  let seq = plan.fromSeq;
  let left = plan.limit;
  while (left > 0) {
    const want = Math.min(PAGE, left);
    const page = await log.scopeEntries(plan.scope, { fromSeq: seq, fromLeaf: plan.fromLeaf, belowLeaf: plan.belowLeaf, limit: want });
    for (const entry of page) {
      const [event] = await store.readAll({ fromPosition: entry.position - 1n, limit: 1 });
      if (!event || event.position !== entry.position) throw new Error(`the event at position ${entry.position} is not in the store`);
      yield JSON.stringify({ kind: 'event', seq: entry.seq, leafIndex: entry.leafIndex, event: serializeEvent(event) });
    }
    left -= page.length;
    if (page.length < want) return yield end(null);
    seq = page[page.length - 1].seq + 1;
  }
  const more = await log.scopeEntries(plan.scope, { fromSeq: seq, fromLeaf: plan.fromLeaf, belowLeaf: plan.belowLeaf, limit: 1 });
  yield end(more.length ? cursorOf({ ...plan, fromSeq: seq }) : null);
}

const end = (nextCursor: string | null) => JSON.stringify({ kind: 'end', nextCursor });
