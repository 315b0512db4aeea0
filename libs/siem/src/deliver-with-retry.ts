import { BackoffPolicy, DEFAULT_BACKOFF, retryDelayMs } from './backoff';
import { retryable, SendOutcome, SiemRecord, SiemSink } from './siem-sink.port';

export type DeliveryResult =
  | { kind: 'delivered'; attempts: number }
  | { kind: 'parked'; reason: string; attempts: number }
  | { kind: 'stopped'; attempts: number; lastReason?: string };

export interface RetryNotice {
  /** 1 for the first retry. */
  retry: number;
  reason: string;
  delayMs: number;
}

export interface DeliveryOptions {
  policy?: BackoffPolicy;
  /** Aborting stops the retries (between attempts, never mid-request). */
  signal?: AbortSignal;
  /** Called before each wait, e.g. to show "retrying: Splunk is busy" in the integration status. */
  onRetry?: (notice: RetryNotice) => void;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Sends one batch until it is accepted or the sink parks: retryable failures are retried
 * without limit (the event store is the buffer; nothing is dropped), with full-jitter
 * exponential backoff that honours Retry-After.
 */
export async function deliverWithRetry(sink: SiemSink, batch: readonly SiemRecord[], options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const sleep = options.sleep ?? abortableSleep;
  let lastReason: string | undefined;
  for (let attempt = 1; ; attempt += 1) {
    if (options.signal?.aborted) return { kind: 'stopped', attempts: attempt - 1, lastReason };
    const outcome = await sendSafely(sink, batch);
    if (outcome.kind === 'ok') return { kind: 'delivered', attempts: attempt };
    if (outcome.kind === 'parked') return { kind: 'parked', reason: outcome.reason, attempts: attempt };
    lastReason = outcome.reason;
    const delayMs = retryDelayMs(attempt - 1, outcome.retryAfterMs, options.policy ?? DEFAULT_BACKOFF, options.random);
    options.onRetry?.({ retry: attempt, reason: outcome.reason, delayMs });
    await sleep(delayMs, options.signal);
  }
}

/** A sink is not supposed to throw; if one does anyway, that is retried like an outage. */
async function sendSafely(sink: SiemSink, batch: readonly SiemRecord[]): Promise<SendOutcome> {
  try {
    return await sink.send(batch);
  } catch (error) {
    return retryable(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
