import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { ChainLink, leafHash } from '@app/integrity';
import { EventMetadata } from '../event-envelope';
import { canonicalLeafHash, scopesOfTenant, StoredEventColumns } from './canonical-event-bytes';
import { ensureIntegritySchema, openIndexDatabase } from './integrity-schema';
import { LeafReader, LeafSource } from './leaf-index';
import { postOrder } from './post-order-node-store';

/** What the scope's next link needs of its head: its seq and its `prev`, the leaf index of the scope's last event. */
interface Head {
  count: number;
  prev: number;
}

interface PendingLeaf {
  position: bigint;
  leaf: Buffer;
  /** Kept only when the leaf data are not the stored event itself (the downstream writer's envelope). */
  leafData?: Uint8Array;
}

/**
 * The writer of the integrity log. Inline (the SQLite store), inside the append transaction: each
 * event gets its chain links (in its stored metadata, `integrity.chains`) and its Merkle leaf
 * (the hash of its canonical stored bytes, with its position and commit time) is written before
 * the transaction commits, so an append is in the log entirely or not at all. The inner nodes of
 * the tree and the per-scope index are functions of the leaves: indexLeaves derives them
 * afterwards (before any checkpoint, proof or export reads them), off the append's path. The
 * chain heads live in memory (at start, the index's and the links of the leaves after it; when
 * another process appended, advanced by its leaves' links);
 * a batch advances them in place and keeps an undo journal, so a link costs one lookup in a map
 * that holds every scope, and a batch whose transaction failed is undone at the next begin().
 */
export class SqliteIntegrityLedger {
  private treeSize = 0;
  private readonly heads = new Map<string, Head>();
  private lastTime = '';
  private readonly reloadTx: () => void;
  private readonly leaves: LeafReader;
  private readonly inserts = new Map<number, Database.Statement>();
  /** The batch begun last, until it commits: if its transaction failed, its heads are undone. */
  private open: LedgerBatch | undefined;
  private loaded = false;

  /** `indexFile`: the derived index's own file (indexFileOf), when it is not in `db`. */
  constructor(
    private readonly db: Database.Database,
    private readonly source: LeafSource = 'events',
    private readonly now: () => Date = () => new Date(),
    private readonly indexFile?: string,
  ) {
    ensureIntegritySchema(db);
    this.leaves = new LeafReader(db, source);
    const reload = db.transaction(() => this.reloadNow());
    this.reloadTx = () => reload.immediate();
    this.reloadTx();
  }

  get size(): number {
    return this.treeSize;
  }

  /** Starts a batch; call inside the write transaction. Another process may have written: then reload first. */
  begin(): LedgerBatch {
    this.open?.undo();
    if (this.leaves.size() !== this.treeSize) this.reloadTx();
    return (this.open = new LedgerBatch(this, this.treeSize, this.heads));
  }

  /** Writes a batch's leaves (hash, position, commit time); inside the transaction. */
  write(first: number, leaves: readonly PendingLeaf[]): string {
    const iso = this.now().toISOString();
    const time = iso > this.lastTime ? iso : this.lastTime;
    for (let from = 0; from < leaves.length; from += CHUNK) {
      const rows = Math.min(CHUNK, leaves.length - from);
      const params: unknown[] = [];
      for (let i = 0; i < rows; i++) {
        const l = leaves[from + i];
        params.push(postOrder(0, first + from + i), l.leaf, l.position);
        if (this.source === 'leaf-data') params.push(l.leafData ? view(l.leafData) : null);
      }
      this.insertLeaves(rows).run(params, { time });
    }
    return time;
  }

  /** After the transaction committed: the batch (its heads already in place) becomes the log's state. */
  committed(batch: LedgerBatch, size: number, time: string): void {
    if (this.open === batch) this.open = undefined;
    this.treeSize = size;
    this.lastTime = time;
  }

  /**
   * One INSERT of `rows` leaves: a batch's leaves cost a few statements, not one each, and the
   * batch's commit time is bound once. leaf_data is NULL unless the leaves are the downstream writer's.
   */
  private insertLeaves(rows: number): Database.Statement {
    let statement = this.inserts.get(rows);
    if (!statement) {
      const row = this.source === 'leaf-data' ? '(?, ?, ?, @time, ?)' : '(?, ?, ?, @time, NULL)';
      const values = Array.from({ length: rows }, () => row).join(', ');
      statement = this.db.prepare(`INSERT INTO integrity_nodes (id, hash, position, committed_at, leaf_data) VALUES ${values}`);
      this.inserts.set(rows, statement);
    }
    return statement;
  }

  /**
   * The heads after every leaf written: at start (or when leaves went missing), the indexed heads
   * and then the links of the leaves written since; when another process appended, the links of
   * its leaves. Nothing is indexed here: that is the checkpointer's work, off the append's path.
   */
  private reloadNow(): void {
    const size = this.leaves.size();
    let from = this.treeSize;
    if (!this.loaded || size < this.treeSize) {
      const index = this.indexHeads();
      this.heads.clear();
      for (const row of index.heads) this.heads.set(row.scope as string, { count: Number(row.count), prev: Number(row.last_index) });
      from = Math.min(size, index.indexed);
      this.loaded = true;
    }
    for (const { first, rows } of this.leaves.pages(from, size)) {
      rows.forEach((row, k) => {
        for (const link of this.leaves.linksOf(row) ?? []) this.heads.set(link.scope, { count: link.seq + 1, prev: first + k });
      });
    }
    this.treeSize = size;
    this.lastTime = size === 0 ? '' : (this.leaves.meta(size - 1)?.committedAt ?? '');
  }

  /**
   * The index's heads and the size they cover, read together. From its own file through a
   * connection opened for this read only: one kept open beside the appends' would join their
   * transactions' locks. No file yet: nothing indexed.
   */
  private indexHeads(): { heads: Record<string, unknown>[]; indexed: number } {
    const none = { heads: [], indexed: 0 };
    const read = (db: Database.Database) =>
      db.transaction(() => {
        const reader = new LeafReader(this.db, this.source, db);
        if (!reader.indexFits()) return none; // not this log's index: its heads would be wrong
        return { heads: db.prepare('SELECT * FROM integrity_scope_heads').all() as Record<string, unknown>[], indexed: reader.indexedSize() };
      }).deferred();
    if (this.indexFile === undefined) return read(this.db);
    if (!existsSync(this.indexFile)) return none;
    const index = openIndexDatabase(this.indexFile);
    try {
      return read(index);
    } finally {
      index.close();
    }
  }
}

/** Leaves per INSERT (at most 4 parameters each, far below SQLite's limit of 32766). */
const CHUNK = 64;

const view = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * One write transaction's share of the log. Each append of the batch runs in its own savepoint:
 * mark() before it, rollback(mark) when it fails, so its links and leaves vanish with its rows.
 */
export class LedgerBatch {
  private readonly leaves: PendingLeaf[] = [];
  /** Undo log of the heads, in pairs: a scope, then the head its advance replaced (undefined: none). */
  private readonly journal: (string | Head | undefined)[] = [];

  constructor(
    private readonly ledger: SqliteIntegrityLedger,
    private readonly first: number,
    private readonly heads: Map<string, Head>,
  ) {}

  mark(): [number, number] {
    return [this.leaves.length, this.journal.length];
  }

  rollback([leaves, journal]: [number, number]): void {
    this.leaves.length = leaves;
    this.undoTo(journal);
  }

  /** The batch never committed: the heads are as before it. */
  undo(): void {
    this.leaves.length = 0;
    this.undoTo(0);
  }

  private undoTo(length: number): void {
    while (this.journal.length > length) {
      const previous = this.journal.pop() as Head | undefined;
      const scope = this.journal.pop() as string;
      if (previous) this.heads.set(scope, previous);
      else this.heads.delete(scope);
    }
  }

  /** The links the next event of this tenant carries. */
  linksFor(tenant: EventMetadata['tenant'] | undefined): ChainLink[] {
    return scopesOfTenant(tenant).map((scope): ChainLink => {
      const head = this.heads.get(scope);
      return head ? { scope, seq: head.count, prev: head.prev } : { scope, seq: 0, prev: null };
    });
  }

  /**
   * The metadata text to store for an event of this tenant, its chain links added as the last
   * member (`integrity`), and the links. The metadata object is serialised as it comes (copied
   * only to drop an `integrity` member a caller put there): the links are spliced into its text
   * rather than into a copy of the object.
   */
  stamp(metadata: EventMetadata): { metadata: string; links: ChainLink[] } {
    const links = this.linksFor(metadata.tenant);
    const text = JSON.stringify('integrity' in metadata ? withoutIntegrity(metadata) : metadata);
    const chains = `"integrity":{"chains":${linksJson(links)}}`;
    return { metadata: text === '{}' ? `{${chains}}` : `${text.slice(0, -1)},${chains}}`, links };
  }

  /** The event was inserted at `position` with these stored columns. */
  record(position: bigint, columns: StoredEventColumns, links: ChainLink[]): void {
    this.addLeaf(position, canonicalLeafHash(columns), links);
  }

  /** A leaf over `bytes` for the event at `position`; `keep`: store the bytes with it. */
  recordLeaf(position: bigint, bytes: Uint8Array, links: ChainLink[], keep: boolean): void {
    this.addLeaf(position, view(leafHash(bytes)), links, keep ? bytes : undefined);
  }

  private addLeaf(position: bigint, leaf: Buffer, links: ChainLink[], leafData?: Uint8Array): void {
    const index = this.first + this.leaves.length;
    this.leaves.push({ position, leaf, leafData });
    for (const link of links) {
      this.journal.push(link.scope, this.heads.get(link.scope));
      this.heads.set(link.scope, { count: link.seq + 1, prev: index });
    }
  }

  /** Writes the batch (inside the transaction); the returned commit runs once it committed. */
  write(): () => void {
    if (this.leaves.length === 0) return () => undefined;
    const time = this.ledger.write(this.first, this.leaves);
    const size = this.first + this.leaves.length;
    return () => this.ledger.committed(this, size, time);
  }
}

function withoutIntegrity(metadata: EventMetadata): Omit<EventMetadata, 'integrity'> {
  const { integrity: _ignored, ...own } = metadata as EventMetadata & { integrity?: unknown };
  return own;
}

/**
 * JSON.stringify(links), written out (the append path's hot spot): a scope is `msp:`/`org:` and
 * [A-Za-z0-9._~%-] (scopeId), seq an integer and prev an integer or null, so nothing needs escaping.
 */
export function linksJson(links: readonly ChainLink[]): string {
  let text = '';
  for (const { scope, seq, prev } of links) {
    text += `${text ? ',' : ''}{"scope":"${scope}","seq":${seq},"prev":${typeof prev === 'string' ? `"${prev}"` : prev}}`;
  }
  return `[${text}]`;
}
