import Database from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  EmailIndexEntry, KeyStore, PeriodKeyRecord, SubjectKeyRecord, WrappedKeyKind, WrappedKeyRef,
} from './key-store.port';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS subject_keys (key_id TEXT PRIMARY KEY, scope TEXT NOT NULL, member_id TEXT NOT NULL,
    wrapped TEXT NOT NULL, created_at TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS erased_subjects (key_id TEXT PRIMARY KEY, scope TEXT NOT NULL, member_id TEXT NOT NULL,
    erased_at TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS email_index (scope TEXT NOT NULL, email_hash TEXT NOT NULL, key_id TEXT NOT NULL, member_id TEXT NOT NULL,
    PRIMARY KEY (scope, email_hash, key_id)) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS email_index_key ON email_index (key_id);
  CREATE TABLE IF NOT EXISTS period_keys (key_id TEXT PRIMARY KEY, tenant TEXT NOT NULL, period TEXT NOT NULL,
    wrapped TEXT NOT NULL, created_at TEXT NOT NULL) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS period_keys_order ON period_keys (tenant, period);
  CREATE TABLE IF NOT EXISTS expired_periods (key_id TEXT PRIMARY KEY, tenant TEXT NOT NULL, period TEXT NOT NULL,
    expired_at TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
`;

interface SubjectRow { key_id: string; scope: string; member_id: string; wrapped: string; created_at: string }
interface PeriodRow { key_id: string; tenant: string; period: string; wrapped: string; created_at: string }

const TABLES: Record<WrappedKeyKind, { table: string; id: string; wrapped: string }> = {
  meta: { table: 'meta', id: 'name', wrapped: 'value' },
  period: { table: 'period_keys', id: 'key_id', wrapped: 'wrapped' },
  subject: { table: 'subject_keys', id: 'key_id', wrapped: 'wrapped' },
};
const KINDS: readonly WrappedKeyKind[] = ['meta', 'period', 'subject'];
/** Meta values that are wrapped keys (the others are checkpoints and statuses). */
export const WRAPPED_META_PREFIX = 'key:';

/**
 * The key store in its own SQLite file (DATA_DIR/keys.sqlite), owner-only, synchronous=FULL: a key
 * is source data (what it sealed cannot be read without it), and a deletion must be durable too.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;
  private readonly put: Database.Statement;
  private readonly insertPeriod: Database.Statement;
  private readonly subjectById: Database.Statement;
  private readonly periodById: Database.Statement;
  private readonly insertEmail: Database.Statement;
  /** A savepoint around one write of a group commit (prepared once: building a transaction function costs more than the write). */
  private readonly savepoint: (work: () => unknown) => unknown;
  private readonly erase: Database.Transaction<(subject: { keyId: string; scope: string; memberId: string }, at: string) => boolean>;
  private readonly expire: Database.Transaction<(keyId: string, at: string) => boolean>;
  /** Writes asked for in the same turn of the event loop, committed together (one fsync for all, as the event store's appends). */
  private pending: { work: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];

  constructor(file: string) {
    if (file !== ':memory:') createPrivateFile(file);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.put = this.db.prepare(`INSERT OR IGNORE INTO subject_keys SELECT @keyId, @scope, @memberId, @wrapped, @createdAt
      WHERE NOT EXISTS (SELECT 1 FROM erased_subjects WHERE key_id = @keyId)`);
    this.insertPeriod = this.db.prepare(`INSERT OR IGNORE INTO period_keys SELECT @keyId, @tenant, @period, @wrapped, @createdAt
      WHERE NOT EXISTS (SELECT 1 FROM expired_periods WHERE key_id = @keyId)`);
    this.subjectById = this.db.prepare('SELECT * FROM subject_keys WHERE key_id = ?');
    this.periodById = this.db.prepare('SELECT * FROM period_keys WHERE key_id = ?');
    this.insertEmail = this.db.prepare(`INSERT OR IGNORE INTO email_index SELECT @scope, @emailHash, @keyId, @memberId
      WHERE NOT EXISTS (SELECT 1 FROM erased_subjects WHERE key_id = @keyId)`);
    this.savepoint = this.db.transaction((work: () => unknown) => work());
    this.erase = this.db.transaction((s: { keyId: string; scope: string; memberId: string }, at: string) => {
      this.db.prepare('INSERT OR IGNORE INTO erased_subjects VALUES (?, ?, ?, ?)').run(s.keyId, s.scope, s.memberId, at);
      this.db.prepare('DELETE FROM email_index WHERE key_id = ?').run(s.keyId);
      return this.db.prepare('DELETE FROM subject_keys WHERE key_id = ?').run(s.keyId).changes > 0;
    });
    this.expire = this.db.transaction((keyId: string, at: string) => {
      const row = this.db.prepare('SELECT * FROM period_keys WHERE key_id = ?').get(keyId) as PeriodRow | undefined;
      if (!row) return false;
      this.db.prepare('INSERT OR IGNORE INTO expired_periods VALUES (?, ?, ?, ?)').run(keyId, row.tenant, row.period, at);
      return this.db.prepare('DELETE FROM period_keys WHERE key_id = ?').run(keyId).changes > 0;
    });
  }

  async subjectKeys(keyIds: readonly string[]): Promise<SubjectKeyRecord[]> {
    return (this.inList('SELECT * FROM subject_keys WHERE key_id IN', keyIds) as SubjectRow[]).map(subjectOf);
  }

  async erasedSubjects(keyIds: readonly string[]): Promise<string[]> {
    return (this.inList('SELECT key_id FROM erased_subjects WHERE key_id IN', keyIds) as { key_id: string }[]).map((r) => r.key_id);
  }

  putSubjectKey(record: SubjectKeyRecord): Promise<SubjectKeyRecord | 'erased'> {
    return this.grouped(() => {
      this.put.run(record);
      const stored = this.subjectById.get(record.keyId) as SubjectRow | undefined;
      return stored ? subjectOf(stored) : 'erased';
    });
  }

  async eraseSubject(subject: { keyId: string; scope: string; memberId: string }, erasedAt: string): Promise<boolean> {
    return this.erase.immediate(subject, erasedAt);
  }

  async sweepErased(): Promise<number> {
    return this.db.prepare('DELETE FROM subject_keys WHERE key_id IN (SELECT key_id FROM erased_subjects)').run().changes;
  }

  indexEmail(entry: EmailIndexEntry): Promise<void> {
    return this.grouped(() => {
      this.insertEmail.run(entry);
    });
  }

  async membersByEmail(scope: string, emailHash: string): Promise<string[]> {
    const rows = this.db.prepare('SELECT DISTINCT member_id FROM email_index WHERE scope = ? AND email_hash = ? ORDER BY member_id').all(scope, emailHash);
    return (rows as { member_id: string }[]).map((r) => r.member_id);
  }

  async periodKeys(keyIds: readonly string[]): Promise<PeriodKeyRecord[]> {
    return (this.inList('SELECT * FROM period_keys WHERE key_id IN', keyIds) as PeriodRow[]).map(periodOf);
  }

  putPeriodKey(record: PeriodKeyRecord): Promise<PeriodKeyRecord | 'expired'> {
    return this.grouped(() => {
      this.insertPeriod.run(record);
      const stored = this.periodById.get(record.keyId) as PeriodRow | undefined;
      return stored ? periodOf(stored) : 'expired';
    });
  }

  async listPeriodKeys(): Promise<PeriodKeyRecord[]> {
    return (this.db.prepare('SELECT * FROM period_keys ORDER BY tenant, period').all() as PeriodRow[]).map(periodOf);
  }

  async expirePeriodKey(keyId: string, expiredAt: string): Promise<boolean> {
    return this.expire.immediate(keyId, expiredAt);
  }

  async expiredPeriodCount(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM expired_periods').get() as { n: number }).n;
  }

  async getMeta(name: string): Promise<string | undefined> {
    return (this.db.prepare('SELECT value FROM meta WHERE name = ?').get(name) as { value: string } | undefined)?.value;
  }

  async putMetaIfAbsent(name: string, value: string): Promise<string> {
    this.db.prepare('INSERT OR IGNORE INTO meta VALUES (?, ?)').run(name, value);
    return (await this.getMeta(name))!;
  }

  async setMeta(name: string, value: string): Promise<void> {
    this.db.prepare('INSERT INTO meta VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value').run(name, value);
  }

  async wrappedKeys(after: { kind: WrappedKeyKind; id: string } | undefined, limit: number): Promise<WrappedKeyRef[]> {
    const refs: WrappedKeyRef[] = [];
    for (const kind of KINDS.slice(after ? KINDS.indexOf(after.kind) : 0)) {
      const { table, id, wrapped } = TABLES[kind];
      const from = after?.kind === kind ? after.id : '';
      const onlyKeys = kind === 'meta' ? `AND ${id} LIKE '${WRAPPED_META_PREFIX}%'` : '';
      const rows = this.db
        .prepare(`SELECT ${id} AS id, ${wrapped} AS wrapped FROM ${table} WHERE ${id} > ? ${onlyKeys} ORDER BY ${id} LIMIT ?`)
        .all(from, limit - refs.length) as { id: string; wrapped: string }[];
      refs.push(...rows.map((r) => ({ kind, ...r })));
      if (refs.length >= limit) break;
    }
    return refs;
  }

  async replaceWrapped({ kind, id, wrapped }: WrappedKeyRef): Promise<void> {
    const t = TABLES[kind];
    this.db.prepare(`UPDATE ${t.table} SET ${t.wrapped} = ? WHERE ${t.id} = ?`).run(wrapped, id);
  }

  async close(): Promise<void> {
    this.flush();
    if (this.db.open) this.db.close();
  }

  /** Runs `work` in the next group commit: every write asked for before it commits in one transaction, each answered on its own. */
  private grouped<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject }) === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      // IMMEDIATE, as every write here: the API, the worker and the CLI share this file, and a
      // transaction that read before another process committed could not write (SQLITE_BUSY).
      this.db.transaction(() => {
        for (const { work } of batch) {
          // A savepoint each, so that one write that fails leaves the others of the group in.
          try {
            outcomes.push({ ok: true, value: this.savepoint(work) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      }).immediate();
    } catch (error) {
      batch.forEach((p) => p.reject(error));
      return;
    }
    batch.forEach((p, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) p.resolve(outcome.value);
      else p.reject(outcome.error);
    });
  }

  private inList(sql: string, values: readonly string[]): unknown[] {
    if (values.length === 0) return [];
    const rows: unknown[] = [];
    // SQLite binds at most 32766 parameters; keep each statement well below.
    for (let i = 0; i < values.length; i += 500) {
      const chunk = values.slice(i, i + 500);
      rows.push(...this.db.prepare(`${sql} (${chunk.map(() => '?').join(', ')})`).all(...chunk));
    }
    return rows;
  }
}

function createPrivateFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

const subjectOf = (r: SubjectRow): SubjectKeyRecord => ({ keyId: r.key_id, scope: r.scope, memberId: r.member_id, wrapped: r.wrapped, createdAt: r.created_at });
const periodOf = (r: PeriodRow): PeriodKeyRecord => ({ keyId: r.key_id, tenant: r.tenant, period: r.period, wrapped: r.wrapped, createdAt: r.created_at });
