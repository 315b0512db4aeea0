/** One sealed version of an owner's secret (the owner: an integration). Never the plain secret. */
export interface StoredSecret {
  ownerId: string;
  /** A UUID the writer chose; the event that starts using the secret names it. */
  version: string;
  /** An @app/crypto envelope: the wrapped data key and the sealed value. */
  sealed: string;
  /** ISO-8601, the writer's clock. */
  createdAt: string;
}

export interface SecretPosition {
  ownerId: string;
  version: string;
}

/**
 * Sealed secrets at rest, by owner and version. Versions are written once, before the event that
 * names them is appended, so a reader that follows the events always finds the version it needs;
 * a version no event names (its command was refused, or the process died in between) is never
 * read and is pruned later.
 */
export interface SecretStore {
  /** Writes a new version; the same (owner, version) again keeps the first. */
  put(secret: StoredSecret): Promise<void>;
  get(ownerId: string, version: string): Promise<StoredSecret | undefined>;
  /** Every version of one owner, oldest first. */
  versions(ownerId: string): Promise<StoredSecret[]>;
  /** A new envelope for a stored version (a master-key rotation rewraps its data key); absent: nothing happens. */
  replace(position: SecretPosition, sealed: string): Promise<void>;
  /** Deletes these versions of the owner; answers how many there were. */
  delete(ownerId: string, versions: readonly string[]): Promise<number>;
  /** Every stored version in (owner, version) order, after `after`: to rewrap them all. */
  page(after: SecretPosition | undefined, limit: number): Promise<StoredSecret[]>;
  close(): Promise<void>;
}

/** DI token for the store port (SQLite in DATA_DIR by default, MongoDB with MONGO_URL). */
export const SECRET_STORE = Symbol('SECRET_STORE');
