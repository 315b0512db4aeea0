import { IntegrationEntry } from '@app/projections';
import { SiemSinkConfig } from '@app/siem';

/** A Splunk or Sentinel integration's settings with its opened secret, as its sink takes them. */
export function sinkConfigOf(entry: IntegrationEntry, secret: string): SiemSinkConfig {
  const s = entry.settings;
  const ca = s.caCertificate ? { ca: s.caCertificate } : {};
  switch (entry.kind) {
    case 'splunk':
      return {
        kind: 'splunk', url: s.url, token: secret, index: s.index, host: s.host, source: s.source, sourcetype: s.sourcetype,
        ...(s.ack === 'on' && { ack: {} }), ...ca,
      };
    case 'microsoft_sentinel':
      return {
        kind: 'microsoft_sentinel', tenantId: s.tenantId, clientId: s.clientId, clientSecret: secret,
        dataCollectionEndpoint: s.dataCollectionEndpoint, ruleId: s.ruleId, streamName: s.streamName,
        ...(s.authorityHost && { authorityHost: s.authorityHost }), ...ca,
      };
    default:
      throw new Error(`a ${entry.kind} integration pushes nothing`);
  }
}
