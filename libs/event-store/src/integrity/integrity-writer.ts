import Database from 'better-sqlite3';
import { RecordedEvent } from '../event-envelope';
import { EventStore, Subscription } from '../event-store.port';
import { openEventDatabase } from '../sqlite/sqlite-schema';
import { canonicalEventBytes } from './canonical-event-bytes';
import { SqliteIntegrityLedger } from './sqlite-integrity-ledger';
import { postOrder } from './post-order-node-store';

const MAX_BATCH = 500;

/**
 * The integrity log built after the fact, for an event store that cannot write it in its
 * append transaction (EventStoreDB, appended to by several API processes): ONE subscription in
 * `$all` order computes each event's chain links and logs the leaf
 * `{"integrity":{"chains":[…]},"event":<the event's canonical bytes as read>}` (libs/integrity's
 * envelope form), stored with the leaf since the event itself cannot carry its links. Its file
 * has the same tables as the inline log, so the same AuditLog (SqliteAuditLog, 'leaf-data')
 * reads both. Give it the raw adapter, never a layer that opens sealed payloads.
 */
export class IntegrityWriter {
  private readonly ledger: SqliteIntegrityLedger;
  private subscription: Subscription | undefined;
  private pending: RecordedEvent[] = [];
  private scheduled = false;
  private running: Promise<void> | undefined;
  /** The store position of the last event logged. */
  lastPosition: bigint | undefined;

  /** Told when a batch could not be logged: the writer stopped, and resumes from lastPosition on start(). */
  onError: (error: unknown) => void = () => undefined;

  constructor(private readonly store: EventStore, private readonly db: Database.Database) {
    this.ledger = new SqliteIntegrityLedger(db, 'leaf-data');
    const size = this.ledger.size;
    this.lastPosition = size === 0 ? undefined : (db.prepare('SELECT position FROM integrity_nodes WHERE id = ?').pluck().get(postOrder(0, size - 1)) as bigint);
  }

  static openFile(store: EventStore, file: string): IntegrityWriter {
    return new IntegrityWriter(store, openEventDatabase({ file }));
  }

  start(): void {
    if (this.subscription) return;
    const subscription = (this.subscription = this.store.subscribeToAll({ fromPosition: this.lastPosition }));
    this.running = (async () => {
      for await (const event of subscription) {
        this.pending.push(event);
        if (this.pending.length >= MAX_BATCH) this.flushOrStop();
        else this.schedule();
      }
      this.flushOrStop();
    })().catch((error) => this.fail(error));
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    await this.running;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flushOrStop();
    });
  }

  private flushOrStop(): void {
    try {
      this.flush();
    } catch (error) {
      this.fail(error);
    }
  }

  /** Nothing of the failed batch was logged (one transaction): drop it and stop; start() resumes after lastPosition. */
  private fail(error: unknown): void {
    this.pending = [];
    const subscription = this.subscription;
    this.subscription = undefined;
    void subscription?.stop();
    this.onError(error);
  }

  /** Logs what arrived, in one transaction: all of it or none (then the subscription's next run redoes it). */
  private flush(): void {
    const events = this.pending.filter((e) => this.lastPosition === undefined || e.position > this.lastPosition);
    this.pending = [];
    if (events.length === 0) return;
    this.db.transaction(() => {
      const batch = this.ledger.begin();
      for (const e of events) {
        const links = batch.linksFor(e.metadata.tenant);
        batch.recordLeaf(e.position, envelope(links, e), links, true);
      }
      return batch.write();
    }).immediate()();
    this.lastPosition = events[events.length - 1].position;
  }
}

function envelope(links: unknown, e: RecordedEvent): Buffer {
  const event = canonicalEventBytes({
    id: e.id, type: e.type, schemaVersion: e.schemaVersion, streamId: e.streamId, revision: e.revision, occurredAt: e.occurredAt,
    data: JSON.stringify(e.data), metadata: JSON.stringify(e.metadata),
  });
  return Buffer.concat([Buffer.from(`{"integrity":{"chains":${JSON.stringify(links)}},"event":`), event, Buffer.from('}')]);
}
