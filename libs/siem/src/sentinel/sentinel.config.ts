export interface SentinelSinkConfig {
  /** Entra ID tenant (directory) id of the app registration. */
  tenantId: string;
  clientId: string;
  /** The app's client secret (a secret: never logged, never in an outcome). */
  clientSecret: string;
  /** The data collection endpoint (or the rule's logs ingestion endpoint), https://…ingest.monitor.azure.com */
  dataCollectionEndpoint: string;
  /** The data collection rule's immutable id, dcr-… */
  ruleId: string;
  /** The stream the rule declares, Custom-…_CL */
  streamName: string;
  /** Entra ID host; default https://login.microsoftonline.com (sovereign clouds and tests set it). */
  authorityHost?: string;
  /** Azure Monitor audience; default the public cloud's https://monitor.azure.com. */
  audience?: string;
  /** PEM CA to trust for both hosts (tests). */
  ca?: string | Buffer;
  requestTimeoutMs?: number;
  /** Bytes of one call's JSON array, before gzip. Default 1,000,000 (the API allows 1 MB). */
  maxCallBytes?: number;
}

export const SENTINEL_DEFAULTS = {
  authorityHost: 'https://login.microsoftonline.com',
  maxCallBytes: 1_000_000,
  requestTimeoutMs: 30_000,
} as const;
