import { ClientSecretCredential } from '@azure/identity';
import { LogsIngestionClient } from '@azure/monitor-ingestion';
import { inspect } from 'node:util';
import { chunkBySize } from '../batching';
import { HttpClient } from '../http-client';
import { networkFailure } from '../network-errors';
import { ok, parked, retryable, SendOutcome, SendParked, SendRetryable, SiemRecord, SiemSink } from '../siem-sink.port';
import { SENTINEL_DEFAULTS, SentinelSinkConfig } from './sentinel.config';
import { METADATA_UNREADABLE, sentinelFailure } from './sentinel-failure';
import { sentinelRow } from './sentinel-row';

/** A token source other than the client secret (e.g. a managed identity); @azure/identity's credentials fit. */
export type IngestionCredential = ConstructorParameters<typeof LogsIngestionClient>[1];

/**
 * Pushes records to Microsoft Sentinel through the Azure Monitor Logs Ingestion API, with the
 * official SDK: a client-credentials token from Entra ID (cached by MSAL until shortly before
 * it expires), then gzip JSON arrays of at most maxCallBytes to
 * `{dataCollectionEndpoint}/dataCollectionRules/{ruleId}/streams/{streamName}?api-version=2023-01-01`,
 * one call at a time. The SDK's own retries are off: the caller's backoff decides.
 */
export class SentinelSink implements SiemSink {
  private readonly client: LogsIngestionClient;
  private readonly where: { endpoint: string; authority: string };

  constructor(private readonly config: SentinelSinkConfig, credential?: IngestionCredential) {
    const authorityHost = config.authorityHost ?? SENTINEL_DEFAULTS.authorityHost;
    const tlsOptions = config.ca ? { tlsOptions: { ca: config.ca } } : {};
    const noRetries = { retryOptions: { maxRetries: 0 } };
    const token =
      credential ??
      new ClientSecretCredential(config.tenantId, config.clientId, config.clientSecret, {
        authorityHost,
        // Read the metadata from the configured host itself, not from the public cloud's discovery.
        disableInstanceDiscovery: true,
        ...tlsOptions,
        ...noRetries,
      });
    this.client = new LogsIngestionClient(config.dataCollectionEndpoint, token, { ...tlsOptions, ...noRetries, ...(config.audience ? { audience: config.audience } : {}) });
    this.where = { endpoint: config.dataCollectionEndpoint, authority: `${authorityHost}/${config.tenantId}` };
  }

  async send(batch: readonly SiemRecord[]): Promise<SendOutcome> {
    const rows = batch.map(sentinelRow);
    const sizes = rows.map((row) => Buffer.byteLength(JSON.stringify(row)));
    const max = this.config.maxCallBytes ?? SENTINEL_DEFAULTS.maxCallBytes;
    for (const chunk of chunkBySize(sizes, max, { fixed: 2, separator: 1 })) {
      if (chunk.oversized) {
        return parked(`event ${batch[chunk.start].eventId} is ${chunk.bytes} bytes as a row: over the ${max}-byte limit of one Logs Ingestion call`);
      }
      try {
        await this.client.upload(this.config.ruleId, this.config.streamName, rows.slice(chunk.start, chunk.end), {
          maxConcurrency: 1,
          abortSignal: AbortSignal.timeout(this.config.requestTimeoutMs ?? SENTINEL_DEFAULTS.requestTimeoutMs),
        });
      } catch (error) {
        const failure = sentinelFailure(error, this.where);
        return failure.reason.startsWith(METADATA_UNREADABLE) ? this.diagnoseMetadata(failure) : failure;
      }
    }
    return ok(batch.length);
  }

  async close(): Promise<void> {}

  /** A logged sink shows where it sends, never its client secret (which its credential holds). */
  toJSON(): Record<string, unknown> {
    const { tenantId, clientId, dataCollectionEndpoint, ruleId, streamName } = this.config;
    return { kind: 'microsoft_sentinel', tenantId, clientId, dataCollectionEndpoint, ruleId, streamName };
  }

  [inspect.custom](): string {
    return `SentinelSink ${JSON.stringify(this.toJSON())}`;
  }

  /**
   * MSAL says only "endpoints_resolution_error" when it cannot read the tenant's OpenID metadata,
   * whether the host is down, the certificate untrusted or the tenant unknown. One request of our
   * own tells which, so that a wrong tenant or certificate parks instead of being retried forever.
   */
  private async diagnoseMetadata(failure: SendRetryable | SendParked): Promise<SendRetryable | SendParked> {
    const url = new URL(`${this.where.authority}/v2.0/.well-known/openid-configuration`);
    const http = new HttpClient({ ca: this.config.ca, timeoutMs: 10_000, maxSockets: 1 });
    try {
      const answer = await http.get(url);
      if (answer.status === 400 && /AADSTS90002|invalid_tenant/.test(answer.body)) {
        return parked(`Entra ID does not know tenant ${this.config.tenantId} (AADSTS90002): check the tenant id`);
      }
      if (answer.status === 200 || answer.status === 429 || answer.status >= 500) return failure;
      return parked(`Entra ID answered ${answer.status} for ${url.href}: check the tenant id and the authority host`);
    } catch (error) {
      const outcome = networkFailure(error, this.config.authorityHost ?? SENTINEL_DEFAULTS.authorityHost);
      return outcome.kind === 'parked' ? outcome : retryable(outcome.reason);
    } finally {
      http.close();
    }
  }
}
