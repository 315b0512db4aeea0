import { InvalidInput } from '../shared/domain-errors';
import { checkSecret, checkSettings, settingFieldsOf } from './integration-settings';

const splunk = { url: 'https://splunk.example.com:8088', index: 'audit' };
const sentinel = {
  dataCollectionEndpoint: 'https://dce-1.westeurope-1.ingest.monitor.azure.com',
  ruleId: `dcr-${'0123456789abcdef'.repeat(2)}`,
  streamName: 'Custom-ActivityLog_CL',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  clientId: '8a1b2c3d-0000-4000-8000-000000000001',
};
const PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ0FGRQ==\n-----END CERTIFICATE-----\n';

function problem(run: () => void): { field?: string; message: string } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error;
    return { field: error.field, message: error.message };
  }
}

describe('integration settings', () => {
  it('knows each kind’s settings, required ones first', () => {
    expect(settingFieldsOf('splunk')).toEqual(['url', 'index', 'host', 'source', 'sourcetype', 'ack', 'caCertificate']);
    expect(settingFieldsOf('microsoft_sentinel')).toEqual(['dataCollectionEndpoint', 'ruleId', 'streamName', 'tenantId', 'clientId', 'authorityHost', 'caCertificate']);
  });

  it('accepts complete settings, with the optional ones', () => {
    expect(problem(() => checkSettings('splunk', { ...splunk, host: 'al-1', source: 'activity-log', sourcetype: '_json', ack: 'on', caCertificate: PEM }))).toBeUndefined();
    expect(problem(() => checkSettings('microsoft_sentinel', { ...sentinel, authorityHost: 'https://login.microsoftonline.us', caCertificate: PEM }))).toBeUndefined();
    expect(problem(() => checkSettings('microsoft_sentinel', { ...sentinel, tenantId: 'contoso.onmicrosoft.com' }))).toBeUndefined();
  });

  it.each([
    ['splunk', { ...splunk, index: 'Audit Logs' }, 'settings.index', /Splunk index name/],
    ['splunk', { ...splunk, ack: 'yes' }, 'settings.ack', /'on' or 'off'/],
    ['splunk', { ...splunk, url: 'http://splunk.example.com' }, 'settings.url', /https URL/],
    ['splunk', { ...splunk, host: 'a\nb' }, 'settings.host', /control characters/],
    ['splunk', { ...splunk, caCertificate: 'not a certificate' }, 'settings.caCertificate', /PEM certificates/],
    ['microsoft_sentinel', { ...sentinel, ruleId: 'dcr-1' }, 'settings.ruleId', /immutable id of a data collection rule/],
    ['microsoft_sentinel', { ...sentinel, streamName: 'ActivityLog' }, 'settings.streamName', /Custom-/],
    ['microsoft_sentinel', { ...sentinel, clientId: 'my-app' }, 'settings.clientId', /a GUID/],
    ['microsoft_sentinel', { ...sentinel, tenantId: 'not a tenant' }, 'settings.tenantId', /tenant id/],
    ['microsoft_sentinel', { ...sentinel, authorityHost: 'login.example' }, 'settings.authorityHost', /https URL/],
    ['microsoft_sentinel', { ...sentinel, index: 'x' }, 'settings.index', /index is not a setting of a microsoft_sentinel integration/],
  ] as const)('refuses %s settings %j, naming the field', (kind, settings, field, message) => {
    expect(problem(() => checkSettings(kind, settings))).toEqual({ field, message: expect.stringMatching(message) });
  });

  it('lets an edit name only the fields it changes', () => {
    expect(problem(() => checkSettings('splunk', { index: 'soc' }, true))).toBeUndefined();
    expect(problem(() => checkSettings('splunk', { index: 'soc' }))).toEqual({ field: 'settings.url', message: 'url is required for a splunk integration' });
  });

  describe('secrets', () => {
    it('gives the last four characters of a valid secret', () => {
      expect(checkSecret('splunk', '3f9a1c77-0b6e-4d2a-9c41-5e8d7a60abcd')).toBe('abcd');
      expect(checkSecret('microsoft_sentinel', 'Qx8~a.b_c-dEfGhIjKlMnOpQrStUvWxYz0123456')).toBe('3456');
    });

    it.each([
      ['splunk', 'abc', /8 to 4096 characters/],
      ['microsoft_sentinel', 'x'.repeat(4097), /8 to 4096 characters/],
      ['microsoft_sentinel', 'with a space in it', /spaces or control characters/],
      ['splunk', 'not-a-guid-at-all', /Splunk HEC token \(a GUID\)/],
    ] as const)('refuses a %s secret %#, never repeating it', (kind, secret, message) => {
      const refused = problem(() => checkSecret(kind, secret));
      expect(refused).toEqual({ field: 'secret', message: expect.stringMatching(message) });
      expect(refused?.message).not.toContain(secret.slice(0, 8));
    });
  });
});
