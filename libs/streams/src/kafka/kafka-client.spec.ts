import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@app/config';
import { kafkaSecurityOf } from './kafka-client';

describe('kafkaSecurityOf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kafka-client-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const ca = file('ca.pem', '-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n');
  const cert = file('cert.pem', '-----BEGIN CERTIFICATE-----\nCERT\n-----END CERTIFICATE-----\n');
  const key = file('key.pem', '-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----\n');

  it('is nothing when no setting asks for it', () => {
    expect(kafkaSecurityOf(loadConfig({}))).toEqual({});
  });

  it('verifies the brokers against the CA file and presents the client certificate, with SASL', () => {
    const config = loadConfig({
      KAFKA_TLS: 'true', KAFKA_TLS_CA_FILE: ca, KAFKA_TLS_CERT_FILE: cert, KAFKA_TLS_KEY_FILE: key,
      KAFKA_SASL_MECHANISM: 'PLAIN', KAFKA_SASL_USERNAME: 'relay', KAFKA_SASL_PASSWORD: 'pw',
    });
    expect(kafkaSecurityOf(config)).toEqual({
      tls: { rejectUnauthorized: true, ca: [expect.stringContaining('CA')], cert: expect.stringContaining('CERT'), key: expect.stringContaining('KEY') },
      sasl: { mechanism: 'plain', username: 'relay', password: 'pw' },
    });
  });

  it('uses the system CAs with TLS on and no CA file', () => {
    expect(kafkaSecurityOf(loadConfig({ KAFKA_TLS: 'true' }))).toEqual({ tls: { rejectUnauthorized: true } });
  });
});
