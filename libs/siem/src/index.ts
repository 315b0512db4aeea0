export * from './siem-sink.port';
export { type BackoffPolicy, DEFAULT_BACKOFF, backoffDelayMs, parseRetryAfter, retryDelayMs } from './backoff';
export { type DeliveryOptions, type DeliveryResult, type RetryNotice, deliverWithRetry } from './deliver-with-retry';
export { createSiemSink, SIEM_SECRET_FIELD, type SiemSinkConfig, type SiemSinkFactory, siemSecretContext } from './create-siem-sink';
export { type HecAckOptions, type SplunkHecSinkConfig } from './splunk/splunk-hec.config';
export { SplunkHecSink } from './splunk/splunk-hec-sink';
export { type SentinelSinkConfig } from './sentinel/sentinel.config';
export { type IngestionCredential, SentinelSink } from './sentinel/sentinel-sink';
