import Database from 'better-sqlite3';
import { RecordedEvent, NewEvent } from '../event-envelope';
import {
  AppendResult, EventFilter, EventStore, ExpectedRevision, ReadAllOptions, ReadStreamOptions,
  SubscribeOptions, Subscription,
} from '../event-store.port';
import { EventStoreClosedError } from '../event-store.errors';
import { assertExpectedRevision, limitOf, prepareEvents } from '../input-validation';
import { CatchUpPage, CatchUpSubscription } from '../catch-up-subscription';
import { openEventDatabase, SqliteEventStoreOptions } from './sqlite-schema';
import { SqliteAppendBatcher } from './sqlite-append-batcher';
import { ChangeNotifier } from './change-notifier';
import { SqliteIntegrityLedger } from '../integrity/sqlite-integrity-ledger';
import { indexFileOf } from '../integrity/integrity-schema';
import { EventRow, rowToEvent } from './sqlite-row';

const MAX_INT64 = 9223372036854775807n;
const SUBSCRIPTION_PAGE = 512;

/** The embedded event store: one SQLite file, the default when nothing is configured. */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly batcher: SqliteAppendBatcher;
  private readonly notifier: ChangeNotifier;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private closed = false;

  constructor(options: SqliteEventStoreOptions) {
    this.db = openEventDatabase(options);
    this.notifier = new ChangeNotifier(this.db, options.pollIntervalMs ?? 20);
    const index = options.file === ':memory:' ? undefined : indexFileOf(options.file);
    const ledger = options.integrity === false ? undefined : new SqliteIntegrityLedger(this.db, 'events', undefined, index);
    this.batcher = new SqliteAppendBatcher(this.db, options.maxBatchSize ?? 1000, () => this.notifier.notify(), options.clock, ledger);
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    assertExpectedRevision(expected);
    return this.batcher.enqueue(streamId, prepareEvents(streamId, events), expected);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const sql = backwards
      ? 'SELECT * FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?'
      : 'SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?';
    const from = options.fromRevision ?? (backwards ? MAX_INT64 : 0n);
    return this.query(sql, [streamId, from, limitOf(options.limit)]);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.readAllSync(options);
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const source = {
      readPage: async (after: bigint | undefined) => this.readSubscriptionPage(after, options.filter),
      changeToken: () => this.notifier.currentGeneration(),
      waitForChange: (token: number) => this.notifier.waitForChange(token),
    };
    const subscription = new CatchUpSubscription(source, options.fromPosition, (s) => this.subscriptions.delete(s));
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** How many write transactions carried the appends so far (group commit makes it fewer). */
  get transactionsCommitted(): number {
    return this.batcher.transactionsCommitted;
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return this.head();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.batcher.flushNow();
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.notifier.notify();
    this.db.close();
  }

  private readSubscriptionPage(after: bigint | undefined, filter?: EventFilter): CatchUpPage {
    this.assertOpen();
    const head = this.head();
    const events = this.readAllSync({ fromPosition: after, limit: SUBSCRIPTION_PAGE, filter }, head);
    const full = events.length === SUBSCRIPTION_PAGE;
    return { events, scannedTo: full ? events[events.length - 1].position : head };
  }

  private readAllSync(options: ReadAllOptions, upTo = MAX_INT64): RecordedEvent[] {
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition ?? (backwards ? MAX_INT64 : -1n);
    const { sql: filterSql, params } = filterClause(options.filter);
    const sql = backwards
      ? `SELECT * FROM events WHERE position < ? AND position <= ? ${filterSql} ORDER BY position DESC LIMIT ?`
      : `SELECT * FROM events WHERE position > ? AND position <= ? ${filterSql} ORDER BY position ASC LIMIT ?`;
    return this.query(sql, [from, upTo, ...params, limitOf(options.limit)]);
  }

  private head(): bigint {
    const row = this.statement('SELECT max(position) AS head FROM events').get() as { head: bigint | null };
    return row.head ?? -1n;
  }

  private query(sql: string, params: unknown[]): RecordedEvent[] {
    return (this.statement(sql).all(...params) as EventRow[]).map(rowToEvent);
  }

  private statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) this.statements.set(sql, (stmt = this.db.prepare(sql)));
    return stmt;
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}

function filterClause(filter?: EventFilter): { sql: string; params: string[] } {
  if (!filter) return { sql: '', params: [] };
  const [column, prefixes] = filter.eventTypePrefixes
    ? ['type', filter.eventTypePrefixes]
    : ['stream_id', filter.streamPrefixes ?? []];
  if (prefixes.length === 0) return { sql: '', params: [] };
  // substr/length count characters the same way, so any unicode prefix matches exactly.
  const ors = prefixes.map(() => `substr(${column}, 1, length(?)) = ?`).join(' OR ');
  return { sql: `AND (${ors})`, params: prefixes.flatMap((p) => [p, p]) };
}
