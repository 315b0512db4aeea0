export interface HecAckOptions {
  /** Between two polls of /services/collector/ack. */
  pollIntervalMs?: number;
  /** How long to wait for an ackId to turn true before resending its events. */
  timeoutMs?: number;
  /** Resends within one `send` before it gives up with a retryable outcome. */
  maxResends?: number;
}

export interface SplunkHecSinkConfig {
  /** The HEC base URL, e.g. https://splunk.example.com:8088 (a trailing /services/collector… is tolerated). */
  url: string;
  /** The HEC token (a secret: never logged, never in an outcome). */
  token: string;
  /** Omitted: the token's default index. */
  index?: string;
  host?: string;
  source?: string;
  sourcetype?: string;
  /** Bytes of one request body; events are batched up to it. Default 1,000,000. */
  maxBatchBytes?: number;
  /** Indexer acknowledgement; off when omitted (as on a new Splunk token). */
  ack?: HecAckOptions;
  /** PEM CA to trust (Splunk's own certificate is often self-signed). */
  ca?: string | Buffer;
  requestTimeoutMs?: number;
}

export const HEC_DEFAULTS = {
  maxBatchBytes: 1_000_000,
  source: 'activity-log',
  sourcetype: '_json',
  ackPollIntervalMs: 1_000,
  ackTimeoutMs: 60_000,
  ackMaxResends: 2,
} as const;
