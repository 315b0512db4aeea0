export type BeginOutcome =
  | { kind: 'started' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'in_progress' }
  | { kind: 'mismatch' };

/** How long a key is remembered; older keys are purged now and then. */
export const IDEMPOTENCY_KEY_RETENTION_MS = 24 * 60 * 60 * 1000;
/** Adapters purge expired keys once every this many `begin` calls. */
export const IDEMPOTENCY_PURGE_EVERY = 1000;

/**
 * Remembers, per scope (the principal) and Idempotency-Key, the request's fingerprint and its first
 * answer. `begin` claims the key atomically: of concurrent callers, exactly one gets 'started'.
 * 'in_progress' is not a refusal: the first attempt may have died; the events, whose ids derive
 * from the key, say whether it committed (see IdempotencyInterceptor).
 */
export interface IdempotencyStore {
  /** Claims the key, or says why not: the stored answer, still running, or used for another request. */
  begin(scope: string, key: string, fingerprint: string): Promise<BeginOutcome>;
  /** Stores the answer that retries replay. */
  complete(scope: string, key: string, status: number, body: unknown): Promise<void>;
  /** Forgets a key whose request failed in a way worth retrying (5xx). */
  abandon(scope: string, key: string): Promise<void>;
  /** Resolves when the store answers a trivial request (health checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** DI token for the port: SQLite by default, MongoDB with MONGO_URL (shared by scaled-out APIs). */
export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');

export interface IdempotencyStoreOptions {
  /** Milliseconds since the epoch; tests move it to expire keys. */
  now?: () => number;
}
