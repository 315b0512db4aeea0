/**
 * The `jti`s of the assertions already exchanged, remembered until the assertion expires, shared
 * by every API process (SQLite in DATA_DIR, or MongoDB with MONGO_URL): a replayed assertion is
 * refused whichever process it reaches.
 */
export interface AssertionReplayStore {
  /**
   * Remembers `id` until `expiresAt` (ms since the epoch). True for the first claim; false when
   * it is already remembered (a replay). Of concurrent claims of one id, exactly one wins.
   */
  claim(id: string, expiresAt: number): Promise<boolean>;
  close(): Promise<void>;
}

export const ASSERTION_REPLAY_STORE = Symbol('ASSERTION_REPLAY_STORE');

/** Adapters drop expired ids once every this many claims. */
export const REPLAY_PURGE_EVERY = 500;

export interface ReplayStoreOptions {
  /** Milliseconds since the epoch; tests move it. */
  now?: () => number;
}
