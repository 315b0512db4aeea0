import Database from 'better-sqlite3';
import { ExpectedRevision, AppendResult } from '../event-store.port';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../event-store.errors';
import { PreparedEvent } from '../input-validation';
import { LedgerBatch, SqliteIntegrityLedger } from '../integrity/sqlite-integrity-ledger';

interface PendingAppend {
  streamId: string;
  events: PreparedEvent[];
  expected: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/**
 * Group commit: appends that arrive while the event loop is busy are written in one
 * transaction, so one fsync covers them all. Each append runs in its own savepoint and
 * checks its expected revision against what the transaction sees, including earlier
 * appends of the same batch, so coalescing never weakens the check. Callers hear back only
 * after the whole transaction committed.
 */
export class SqliteAppendBatcher {
  private queue: PendingAppend[] = [];
  private scheduled = false;
  /** Transactions committed so far: fewer than appends when group commit coalesced them. */
  transactionsCommitted = 0;
  private readonly lastRevision: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly writeBatch: Database.Transaction<(batch: PendingAppend[]) => { outcomes: Outcome[]; commit: () => void }>;
  /** The integrity log's share of the transaction being written, if the log is on. */
  private ledgerBatch: LedgerBatch | undefined;

  constructor(
    private readonly db: Database.Database,
    private readonly maxBatchSize: number,
    private readonly onCommitted: (lastPosition: bigint) => void,
    private readonly clock: () => Date = () => new Date(),
    private readonly ledger?: SqliteIntegrityLedger,
  ) {
    this.lastRevision = db.prepare('SELECT max(revision) AS revision FROM events WHERE stream_id = ?');
    this.byId = db.prepare('SELECT stream_id, revision, position FROM events WHERE id = ?');
    this.insert = db.prepare(
      `INSERT INTO events (id, stream_id, revision, type, schema_version, occurred_at, data, metadata)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const appendOne = db.transaction((p: PendingAppend) => this.appendOne(p));
    this.writeBatch = db.transaction((batch: PendingAppend[]) => {
      this.ledgerBatch = this.ledger?.begin();
      const outcomes = batch.map((p): Outcome => {
        const mark = this.ledgerBatch?.mark();
        try {
          return { ok: true, result: appendOne(p) };
        } catch (error) {
          if (mark) this.ledgerBatch!.rollback(mark);
          return { ok: false, error };
        }
      });
      return { outcomes, commit: this.ledgerBatch?.write() ?? (() => undefined) };
    });
  }

  enqueue(streamId: string, events: PreparedEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ streamId, events, expected, resolve, reject });
      this.schedule();
    });
  }

  /** Writes everything queued now; used by close() so nothing accepted is dropped. */
  flushNow(): void {
    while (this.queue.length > 0) this.flushOnce();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flushOnce();
      if (this.queue.length > 0) this.schedule();
    });
  }

  private flushOnce(): void {
    const batch = this.queue.splice(0, this.maxBatchSize);
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      // IMMEDIATE: the write lock is taken (waiting out another process's write) before the first read. A
      // deferred transaction reads first, and when another connection (the worker's indexer, another API
      // process) commits before its first write, SQLite refuses the upgrade at once (SQLITE_BUSY).
      const written = this.writeBatch.immediate(batch);
      written.commit();
      outcomes = written.outcomes;
      this.transactionsCommitted += 1;
    } catch (error) {
      batch.forEach((p) => p.reject(error));
      return;
    } finally {
      this.ledgerBatch = undefined;
    }
    let last = -1n;
    outcomes.forEach((outcome, i) => {
      if (outcome.ok) {
        if (outcome.result.position > last) last = outcome.result.position;
        batch[i].resolve(outcome.result);
      } else {
        batch[i].reject(outcome.error);
      }
    });
    if (last >= 0n) this.onCommitted(last);
  }

  private appendOne({ streamId, events, expected }: PendingAppend): AppendResult {
    const committed = this.committedBefore(streamId, events, expected);
    if (committed) return committed;
    const current = (this.lastRevision.get(streamId) as { revision: bigint | null }).revision ?? undefined;
    checkExpectation(streamId, expected, current);
    const occurredAt = this.clock().toISOString();
    let revision = current ?? -1n;
    let position = -1n;
    for (const e of events) {
      revision += 1n;
      position = this.insertOne(e, streamId, revision, occurredAt);
    }
    return { nextExpectedRevision: revision, position, eventIds: events.map((e) => e.id) };
  }

  /**
   * The same append again (same ids, same stream, at the place the expectation names): the first
   * one's result, and nothing written, as EventStoreDB answers it. A retry that lost track of
   * whether it committed gets its answer instead of a conflict; any other reuse of an id is
   * refused below (revision conflict or DuplicateEventIdError).
   */
  private committedBefore(streamId: string, events: PreparedEvent[], expected: ExpectedRevision): AppendResult | undefined {
    const stored = (id: string) => this.byId.get(id) as { stream_id: string; revision: bigint; position: bigint } | undefined;
    // The usual case, a new id, costs one index lookup.
    const first = stored(events[0].id);
    if (!first || first.stream_id !== streamId || !expectedAt(expected, first.revision)) return undefined;
    const rows = [first, ...events.slice(1).map((e) => stored(e.id))];
    if (!rows.every((row, i) => row && row.stream_id === streamId && row.revision === first.revision + BigInt(i))) return undefined;
    const last = rows[rows.length - 1]!;
    return { nextExpectedRevision: last.revision, position: last.position, eventIds: events.map((e) => e.id) };
  }

  private insertOne(e: PreparedEvent, streamId: string, revision: bigint, occurredAt: string): bigint {
    try {
      const data = JSON.stringify(e.data);
      const stamped = this.ledgerBatch?.stamp(e.metadata);
      const metadata = stamped?.metadata ?? JSON.stringify(e.metadata);
      const info = this.insert.run(e.id, streamId, revision, e.type, e.schemaVersion, occurredAt, data, metadata);
      const position = BigInt(info.lastInsertRowid);
      const columns = { id: e.id, type: e.type, schemaVersion: e.schemaVersion, streamId, revision, occurredAt, data, metadata };
      if (stamped) this.ledgerBatch!.record(position, columns, stamped.links);
      return position;
    } catch (error) {
      if (isUniqueViolationOn(error, 'events.id')) throw new DuplicateEventIdError(e.id);
      throw error;
    }
  }
}

/** Whether `expected` held just before an append whose first event took `revision`. */
function expectedAt(expected: ExpectedRevision, revision: bigint): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return revision === 0n;
  if (expected === 'stream_exists') return revision > 0n;
  return expected === revision - 1n;
}

function isUniqueViolationOn(error: unknown, column: string): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === 'SQLITE_CONSTRAINT_UNIQUE' && !!e.message?.includes(column);
}

export function checkExpectation(streamId: string, expected: ExpectedRevision, current: bigint | undefined): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current === undefined) ||
    (expected === 'stream_exists' && current !== undefined) ||
    (typeof expected === 'bigint' && current === expected);
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, current);
}
