import Database from 'better-sqlite3';

/**
 * The tables of the integrity log, beside the events (inline writer, same transaction) or in
 * a file of their own (the downstream writer). Merkle nodes live in `merkle_nodes`
 * (SqliteMerkleNodeStore). Everything here is append-only, like the events.
 *
 * - integrity_leaves: leaf index ↔ store position; `leaf_data` holds the leaf bytes only when
 *   they are not the event's own stored bytes (the downstream writer's envelope form).
 * - integrity_links: each scope's chain, seq → leaf (a tenant's history and export read it).
 * - integrity_scope_heads: where each scope's chain stands now.
 * - integrity_commits: tree size after each write transaction and its time (never earlier than
 *   the previous one): the time → position index of `asOf`.
 * - audit_checkpoints / audit_checkpoint_heads / audit_keys: the signed checkpoints, the heads
 *   that changed at each, and every verifier key that ever signed one.
 */
export function ensureIntegritySchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS integrity_leaves (
      leaf_index INTEGER PRIMARY KEY,
      position   INTEGER NOT NULL UNIQUE,
      leaf_data  BLOB
    );
    CREATE TABLE IF NOT EXISTS integrity_links (
      scope      TEXT    NOT NULL,
      seq        INTEGER NOT NULL,
      leaf_index INTEGER NOT NULL,
      PRIMARY KEY (scope, seq)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS integrity_links_by_leaf ON integrity_links (scope, leaf_index);
    CREATE TABLE IF NOT EXISTS integrity_scope_heads (
      scope          TEXT PRIMARY KEY,
      count          INTEGER NOT NULL,
      last_index     INTEGER NOT NULL,
      last_leaf_hash BLOB    NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS integrity_scope_heads_by_last ON integrity_scope_heads (last_index);
    CREATE TABLE IF NOT EXISTS integrity_commits (
      tree_size    INTEGER PRIMARY KEY,
      committed_at TEXT    NOT NULL
    );
    CREATE INDEX IF NOT EXISTS integrity_commits_by_time ON integrity_commits (committed_at);
    CREATE TABLE IF NOT EXISTS audit_checkpoints (
      tree_size INTEGER PRIMARY KEY,
      time      TEXT    NOT NULL,
      note      TEXT    NOT NULL
    );
    CREATE INDEX IF NOT EXISTS audit_checkpoints_by_time ON audit_checkpoints (time);
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
