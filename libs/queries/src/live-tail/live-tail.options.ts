/** Timings of a live tail; the defaults suit panels, tests shorten them. */
export interface LiveTailOptions {
  /** Wait between reads of the view while nothing new arrives. */
  pollIntervalMs: number;
  /** Most entries read from the view at once; a full page is followed by another read at once. */
  pageSize: number;
  /** A comment line this often keeps proxies from closing an idle stream. */
  heartbeatMs: number;
  /** What the client's EventSource waits before reconnecting. */
  retryMs: number;
  /** Wait before reading again after the view failed to answer. */
  errorBackoffMs: number;
}

export const LIVE_TAIL_OPTIONS = Symbol('LIVE_TAIL_OPTIONS');

export const DEFAULT_LIVE_TAIL_OPTIONS: LiveTailOptions = {
  pollIntervalMs: 250,
  pageSize: 100,
  heartbeatMs: 15_000,
  retryMs: 2_000,
  errorBackoffMs: 2_000,
};
