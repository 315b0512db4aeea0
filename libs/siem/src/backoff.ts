export interface BackoffPolicy {
  /** The first retry waits up to this long. */
  initialMs: number;
  /** No computed wait exceeds this. */
  maxMs: number;
  /** A server's Retry-After is honoured up to this long. */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1_000, maxMs: 5 * 60_000, maxRetryAfterMs: 60 * 60_000 };

/**
 * Exponential backoff with full jitter: uniform in [0, min(maxMs, initialMs · 2^attempt)],
 * `attempt` counting retries from 0. Full jitter spreads the retries of many integrations
 * that failed together (one SIEM outage) instead of having them all retry in step.
 */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attempt, 52));
  return Math.floor(random() * ceiling);
}

/**
 * The wait before retry `attempt`: never sooner than the server's Retry-After (capped at
 * maxRetryAfterMs), and never sooner than the jittered backoff either, so a server that keeps
 * answering `Retry-After: 0` is still backed off from.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const backoff = backoffDelayMs(attempt, policy, random);
  if (retryAfterMs === undefined) return backoff;
  return Math.max(Math.min(retryAfterMs, policy.maxRetryAfterMs), backoff);
}

/**
 * A Retry-After header (RFC 9110 §10.2.3) in milliseconds: delay-seconds or an HTTP-date.
 * Undefined when absent or unreadable; a date in the past gives 0.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
