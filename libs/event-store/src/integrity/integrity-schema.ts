import Database from 'better-sqlite3';

/**
 * The tables of the integrity log, beside the events (inline writer, in the append transaction)
 * or in a file of their own (the downstream writer).
 *
 * Written with each append: integrity_nodes, the Merkle nodes by post-order number
 * (PostOrderNodeStore), so every write lands at the end of one B-tree and an append transaction
 * dirties a page or two more, not one per table and level. A leaf's row also holds its store
 * position and commit time (never earlier than the previous one: the time → position index of
 * `asOf`), and `leaf_data` only when the leaf data are not the event's own stored bytes (the
 * downstream writer's envelope form).
 *
 * Derived from those (the links are inside each leaf's bytes), indexed after the fact by
 * planIndex/applyIndex and safe to rebuild: the inner nodes, integrity_links (scope, seq → leaf),
 * integrity_scope_heads, integrity_index (how many leaves they cover). Beside the embedded store's
 * events they live in a file of their own (indexFileOf); beside the downstream writer's leaves, in
 * its file.
 *
 * Kept by the checkpointer: audit_checkpoints, the heads that moved at each
 * (audit_checkpoint_heads), and every verifier key that signed one (audit_keys).
 */
export function ensureIntegritySchema(db: Database.Database): void {
  ensureIndexSchema(db);
  db.exec(`
    CREATE TABLE IF NOT EXISTS audit_checkpoints (
      tree_size INTEGER PRIMARY KEY,
      time      TEXT    NOT NULL,
      note      TEXT    NOT NULL
    );
    CREATE TABLE IF NOT EXISTS audit_checkpoint_heads (
      scope          TEXT    NOT NULL,
      tree_size      INTEGER NOT NULL,
      count          INTEGER NOT NULL,
      last_index     INTEGER NOT NULL,
      last_leaf_hash BLOB    NOT NULL,
      PRIMARY KEY (scope, tree_size)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS audit_keys (
      verifier_key TEXT PRIMARY KEY,
      first_used   TEXT NOT NULL
    ) WITHOUT ROWID;
  `);
}

/** The derived tables (and the nodes table, whose inner nodes they add): beside the leaves, or in a file of their own. */
export function ensureIndexSchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS integrity_nodes (
      id           INTEGER PRIMARY KEY,
      hash         BLOB NOT NULL,
      position     INTEGER,
      committed_at TEXT,
      leaf_data    BLOB
    );
    CREATE TABLE IF NOT EXISTS integrity_links (
      scope      TEXT    NOT NULL,
      seq        INTEGER NOT NULL,
      leaf_index INTEGER NOT NULL,
      position   INTEGER NOT NULL,
      PRIMARY KEY (scope, seq)
    ) WITHOUT ROWID;
    DROP INDEX IF EXISTS integrity_links_by_leaf;
    CREATE TABLE IF NOT EXISTS integrity_scope_heads (
      scope          TEXT PRIMARY KEY,
      count          INTEGER NOT NULL,
      last_index     INTEGER NOT NULL,
      last_leaf_hash BLOB    NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS integrity_index (id INTEGER PRIMARY KEY CHECK (id = 0), indexed INTEGER NOT NULL, last_leaf BLOB);
  `);
  // last_leaf (the hash of leaf indexed − 1) came later: it tells an index file from another log's.
  const columns = db.prepare('PRAGMA table_info(integrity_index)').all() as { name: string }[];
  if (!columns.some((c) => c.name === 'last_leaf')) db.exec('ALTER TABLE integrity_index ADD COLUMN last_leaf BLOB');
}

/** Empties the derived tables, to derive them again (only where they have a file of their own: else the nodes table holds the leaves too). */
export function clearIndex(db: Database.Database): void {
  for (const table of ['integrity_nodes', 'integrity_links', 'integrity_scope_heads', 'integrity_index']) db.prepare(`DELETE FROM ${table}`).run();
}

/** Where the derived index of an events file lives: `events.sqlite` → `events.audit-index.sqlite`. */
export function indexFileOf(eventsFile: string): string {
  return `${eventsFile.replace(/\.sqlite$/, '')}.audit-index.sqlite`;
}

/**
 * The derived index's own database. Only indexers write it, so they never take the events file's
 * write lock nor grow its WAL. synchronous=NORMAL: a commit lost to a power cut is derived again
 * from the leaves.
 */
export function openIndexDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.defaultSafeIntegers(true);
  ensureIndexSchema(db);
  return db;
}
