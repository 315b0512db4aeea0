import { createSiemSink, siemSecretContext } from './create-siem-sink';
import { SentinelSink } from './sentinel/sentinel-sink';
import { SplunkHecSink } from './splunk/splunk-hec-sink';

describe('createSiemSink', () => {
  it('makes the sink of the integration’s kind', async () => {
    const splunk = createSiemSink({ kind: 'splunk', url: 'https://splunk.example:8088', token: 't' });
    const sentinel = createSiemSink({
      kind: 'microsoft_sentinel',
      tenantId: 't',
      clientId: 'c',
      clientSecret: 's',
      dataCollectionEndpoint: 'https://dce.example.ingest.monitor.azure.com',
      ruleId: 'dcr-1',
      streamName: 'Custom-ActivityLog_CL',
    });
    expect(splunk).toBeInstanceOf(SplunkHecSink);
    expect(sentinel).toBeInstanceOf(SentinelSink);
    await Promise.all([splunk.close(), sentinel.close()]);
  });

  it('names the context a secret is sealed with by integration and field', () => {
    expect(siemSecretContext('i-1', 'splunk')).toBe('integration:i-1:hecToken');
    expect(siemSecretContext('i-1', 'microsoft_sentinel')).toBe('integration:i-1:clientSecret');
  });
});
