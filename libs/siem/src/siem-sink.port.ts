/** One entry to push: the owner's API view of one event (already redacted for that owner). */
export interface SiemRecord {
  /** The event id: every pushed record carries it, so a SIEM can de-duplicate. */
  eventId: string;
  /** ISO-8601 UTC with milliseconds. */
  occurredAt: string;
  entry: Record<string, unknown>;
}

/** Every record of the batch was accepted (for Splunk with acknowledgement: indexed). */
export interface SendOk {
  kind: 'ok';
  records: number;
}

/** Worth trying again later (busy, throttled, unreachable): resend the whole batch. */
export interface SendRetryable {
  kind: 'retryable';
  reason: string;
  /** What the server asked for (Retry-After), when it did. */
  retryAfterMs?: number;
}

/** Retrying cannot help until someone changes the integration (token, index, rule…). */
export interface SendParked {
  kind: 'parked';
  /** For the integration's status, e.g. "Splunk refused the token (HEC code 4: Invalid token)". */
  reason: string;
}

export type SendOutcome = SendOk | SendRetryable | SendParked;

/**
 * A SIEM that accepts pushed records. `send` never throws and never logs a secret: every
 * failure is an outcome. Delivery is at least once: after anything but `ok`, the caller
 * resends the same records (some may already have arrived; the event id de-duplicates).
 */
export interface SiemSink {
  send(batch: readonly SiemRecord[]): Promise<SendOutcome>;
  close(): Promise<void>;
}

/** DI token for a `SiemSinkFactory` (see create-siem-sink.ts). */
export const SIEM_SINK_FACTORY = Symbol('SIEM_SINK_FACTORY');

export const ok = (records: number): SendOk => ({ kind: 'ok', records });
export const retryable = (reason: string, retryAfterMs?: number): SendRetryable =>
  retryAfterMs === undefined ? { kind: 'retryable', reason } : { kind: 'retryable', reason, retryAfterMs };
export const parked = (reason: string): SendParked => ({ kind: 'parked', reason });
