import { SentinelSinkConfig } from './sentinel/sentinel.config';
import { SentinelSink } from './sentinel/sentinel-sink';
import { SiemSink } from './siem-sink.port';
import { SplunkHecSinkConfig } from './splunk/splunk-hec.config';
import { SplunkHecSink } from './splunk/splunk-hec-sink';

/** An integration's sink settings with its (opened) secret, by integration kind. */
export type SiemSinkConfig = ({ kind: 'splunk' } & SplunkHecSinkConfig) | ({ kind: 'microsoft_sentinel' } & SentinelSinkConfig);

/** Provide under SIEM_SINK_FACTORY; tests of the delivery worker can provide their own. */
export type SiemSinkFactory = (config: SiemSinkConfig) => SiemSink;

export const createSiemSink: SiemSinkFactory = (config) => (config.kind === 'splunk' ? new SplunkHecSink(config) : new SentinelSink(config));

/** The field that holds each kind's secret. */
export const SIEM_SECRET_FIELD = { splunk: 'hecToken', microsoft_sentinel: 'clientSecret' } as const;

/**
 * The context (associated data) to seal an integration's secret with in @app/crypto, so the
 * ciphertext opens only as this integration's secret: `integration:<id>:hecToken`.
 */
export function siemSecretContext(integrationId: string, kind: SiemSinkConfig['kind']): string {
  return `integration:${integrationId}:${SIEM_SECRET_FIELD[kind]}`;
}
