import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('runs on the embedded defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './data', SQLITE_SYNCHRONOUS: 'FULL', LOG_LEVEL: 'info' });
    expect(config.EVENTSTORE_URL).toBeUndefined();
    expect(config.eventStoreFile).toMatch(/data\/events\.sqlite$/);
  });

  it('reads the settings it knows and ignores the rest', () => {
    const secret = 's'.repeat(32);
    const config = loadConfig({ PORT: '8080', EVENTSTORE_URL: 'esdb://localhost:2113?tls=false', AUTH_JWT_SECRET: secret, HOME: '/root' });
    expect(config.PORT).toBe(8080);
    expect(config.EVENTSTORE_URL).toBe('esdb://localhost:2113?tls=false');
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be an integer between 1 and 65535 \(got "abc"\)/],
    [{ PORT: '70000' }, /PORT must be an integer/],
    [{ EVENTSTORE_URL: 'http://x' }, /EVENTSTORE_URL must be an EventStoreDB connection string/],
    [{ SQLITE_SYNCHRONOUS: 'OFF' }, /SQLITE_SYNCHRONOUS must be one of FULL, EXTRA, NORMAL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ DATA_DIR: '' }, /DATA_DIR must be a directory path/],
  ])('refuses %j with a message naming the setting', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('lists every bad setting at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(/PORT[\s\S]*LOG_LEVEL/);
  });
});

describe('loadConfig: authentication settings', () => {
  it('accepts one verification key and the trusted proxies', () => {
    const config = loadConfig({ AUTH_JWT_SECRET: 's'.repeat(32), TRUSTED_PROXIES: '10.0.0.1, 192.168.0.0/16' });
    expect(config.trustedProxies).toEqual(['10.0.0.1', '192.168.0.0/16']);
  });

  it('refuses a short secret without echoing it', () => {
    expect(() => loadConfig({ AUTH_JWT_SECRET: 'short-secret' })).toThrow(/AUTH_JWT_SECRET must be at least 32 characters long \(got \[redacted\]\)/);
    expect(() => loadConfig({ AUTH_JWT_SECRET: 'short-secret' })).not.toThrow(/short-secret/);
  });

  it('refuses two verification keys at once', () => {
    expect(() => loadConfig({ AUTH_JWT_SECRET: 's'.repeat(32), AUTH_JWKS_URL: 'https://id.example/jwks' })).toThrow(/set only one of/);
  });

  it('requires a verification key outside embedded mode', () => {
    expect(() => loadConfig({ EVENTSTORE_URL: 'esdb://localhost:2113?tls=false' })).toThrow(/is required when EVENTSTORE_URL is set/);
  });

  it('refuses malformed proxies and keys', () => {
    expect(() => loadConfig({ TRUSTED_PROXIES: 'not an ip' })).toThrow(/TRUSTED_PROXIES must be/);
    expect(() => loadConfig({ AUTH_JWT_PUBLIC_KEY: 'abc' })).toThrow(/AUTH_JWT_PUBLIC_KEY must be a PEM public key/);
  });
});

describe('loadConfig: engines', () => {
  it('runs the projectors in the API on the embedded stores only, unless told otherwise', () => {
    expect(loadConfig({}).projectorsInApi).toBe(true);
    expect(loadConfig({ MONGO_URL: 'mongodb://127.0.0.1:27017/x' }).projectorsInApi).toBe(false);
    expect(loadConfig({ MONGO_URL: 'mongodb://127.0.0.1:27017/x', PROJECTORS_IN_API: 'true' }).projectorsInApi).toBe(true);
    expect(loadConfig({}).siemDeliveryInApi).toBe(true);
    expect(loadConfig({ PROJECTORS_IN_API: 'false' }).siemDeliveryInApi).toBe(false);
    expect(loadConfig({ SIEM_DELIVERY_IN_API: 'false' }).siemDeliveryInApi).toBe(false);
  });

  it('reads Kafka settings and refuses bad ones', () => {
    expect(loadConfig({ KAFKA_BROKERS: '127.0.0.1:19092,kafka:9092' }).kafkaBrokers).toEqual(['127.0.0.1:19092', 'kafka:9092']);
    expect(() => loadConfig({ KAFKA_BROKERS: 'nope' })).toThrow(/KAFKA_BROKERS must be/);
    expect(() => loadConfig({ MONGO_URL: 'postgres://x' })).toThrow(/MONGO_URL must be/);
    expect(() => loadConfig({ KAFKA_TOPIC_PARTITIONS: '0' })).toThrow(/KAFKA_TOPIC_PARTITIONS/);
    expect(() => loadConfig({ PROJECTORS_IN_API: 'maybe' })).toThrow(/PROJECTORS_IN_API must be true or false/);
  });
});

describe('loadConfig: bounds on slow engines and long-lived answers', () => {
  it('bounds MongoDB by default so that a request answers within 2 s when the server is down or hangs', () => {
    const { mongoTimeouts } = loadConfig({});
    expect(mongoTimeouts).toEqual({ serverSelectionTimeoutMS: 1500, connectTimeoutMS: 1000, socketTimeoutMS: 1500 });
    // One attempt at most (the driver's retries are off): the longest single wait is the bound.
    expect(Math.max(...Object.values(mongoTimeouts))).toBeLessThan(2000);
  });

  it('reads the MongoDB timeouts and the live tails per principal, and refuses bad ones', () => {
    const config = loadConfig({ MONGO_SOCKET_TIMEOUT_MS: '30000', LIVE_TAIL_MAX_PER_PRINCIPAL: '2' });
    expect(config.mongoTimeouts.socketTimeoutMS).toBe(30000);
    expect(config.LIVE_TAIL_MAX_PER_PRINCIPAL).toBe(2);
    expect(loadConfig({}).LIVE_TAIL_MAX_PER_PRINCIPAL).toBe(5);
    expect(() => loadConfig({ MONGO_SERVER_SELECTION_TIMEOUT_MS: '0' })).toThrow(/MONGO_SERVER_SELECTION_TIMEOUT_MS must be an integer between 100 and 60000/);
    expect(() => loadConfig({ MONGO_CONNECT_TIMEOUT_MS: 'soon' })).toThrow(/MONGO_CONNECT_TIMEOUT_MS must be an integer/);
    expect(() => loadConfig({ LIVE_TAIL_MAX_PER_PRINCIPAL: '0' })).toThrow(/LIVE_TAIL_MAX_PER_PRINCIPAL must be an integer between 1 and 1000/);
  });
});

describe('loadConfig: secrets and SIEM delivery', () => {
  const key = Buffer.alloc(32, 7).toString('base64');

  it('reads the master keys and the delivery settings, with their defaults', () => {
    const config = loadConfig({ SECRETS_MASTER_KEY: key, SECRETS_MASTER_KEY_PREVIOUS: `${key}, ${key}`, SIEM_BATCH_SIZE: '100' });
    expect(config).toMatchObject({ SECRETS_MASTER_KEY: key, SIEM_BATCH_SIZE: 100, SIEM_RETRY_INITIAL_MS: 1000, SIEM_RETRY_MAX_MS: 300000 });
    expect(config).toMatchObject({ SIEM_SYNC_EVENT_INTERVAL_MS: 900000, SIEM_SUPERVISOR_INTERVAL_MS: 1000 });
  });

  it('refuses a master key that is not 32 bytes of base64, without echoing it', () => {
    const short = Buffer.alloc(16, 7).toString('base64');
    expect(() => loadConfig({ SECRETS_MASTER_KEY: short })).toThrow(/SECRETS_MASTER_KEY must be the base64 of 32 random bytes \(e\.g\. openssl rand -base64 32\) \(got \[redacted\]\)/);
    expect(() => loadConfig({ SECRETS_MASTER_KEY: short })).not.toThrow(short);
    expect(() => loadConfig({ SECRETS_MASTER_KEY_PREVIOUS: `${key},nope` })).toThrow(/SECRETS_MASTER_KEY_PREVIOUS must be a comma-separated list/);
  });

  it.each(['SIEM_BATCH_SIZE', 'SIEM_RETRY_INITIAL_MS', 'SIEM_RETRY_MAX_MS', 'SIEM_SYNC_EVENT_INTERVAL_MS', 'SIEM_SUPERVISOR_INTERVAL_MS'])('refuses a bad %s', (name) => {
    expect(() => loadConfig({ [name]: '0' })).toThrow(new RegExp(`${name} must be an integer between`));
  });
});

describe('loadConfig: operations settings', () => {
  it('takes an IP address or a host name as HOST and refuses anything else', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '::' }).HOST).toBe('::');
    expect(loadConfig({ HOST: 'api-1.internal' }).HOST).toBe('api-1.internal');
    expect(() => loadConfig({ HOST: 'not a host' })).toThrow(/HOST must be an IP address or a host name/);
    expect(() => loadConfig({ HOST: '' })).toThrow(/HOST must be/);
  });

  it('reads CORS_ORIGINS as a list of exact origins, and refuses paths, wildcards and other schemes', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://panel.example.com, http://localhost:5173' }).corsOrigins).toEqual([
      'https://panel.example.com', 'http://localhost:5173',
    ]);
    for (const bad of ['*', 'https://panel.example.com/', 'https://panel.example.com/app', 'ftp://x.example', 'panel.example.com']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS must be a comma-separated list of origins/);
    }
  });

  it('bounds STREAM_TICKET_TTL_SECONDS to a minute', () => {
    expect(loadConfig({}).STREAM_TICKET_TTL_SECONDS).toBe(30);
    expect(loadConfig({ STREAM_TICKET_TTL_SECONDS: '60' }).STREAM_TICKET_TTL_SECONDS).toBe(60);
    expect(() => loadConfig({ STREAM_TICKET_TTL_SECONDS: '61' })).toThrow(/STREAM_TICKET_TTL_SECONDS must be an integer between 1 and 60/);
  });

  it('keeps METRICS_TOKEN long enough and out of error messages', () => {
    expect(loadConfig({ METRICS_TOKEN: 'm'.repeat(16) }).METRICS_TOKEN).toBe('m'.repeat(16));
    expect(() => loadConfig({ METRICS_TOKEN: 'short-token' })).toThrow(/METRICS_TOKEN must be at least 16 characters long \(got \[redacted\]\)/);
  });
});

describe('loadConfig: Kafka security', () => {
  const { mkdtempSync, writeFileSync } = require('node:fs') as typeof import('node:fs');
  const dir = mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'kafka-tls-'));
  const pem = `${dir}/ca.pem`;
  const notPem = `${dir}/ca.txt`;
  writeFileSync(pem, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
  writeFileSync(notPem, 'hello');

  it('reads SASL (any case) and TLS settings', () => {
    const config = loadConfig({
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512', KAFKA_SASL_USERNAME: 'relay', KAFKA_SASL_PASSWORD: 'pw', KAFKA_TLS: 'true', KAFKA_TLS_CA_FILE: pem,
      KAFKA_TOPIC_RETENTION_MS: '-1',
    });
    expect(config).toMatchObject({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_TLS: true, KAFKA_TLS_CA_FILE: pem, KAFKA_TOPIC_RETENTION_MS: -1 });
  });

  it.each([
    [{ KAFKA_SASL_MECHANISM: 'GSSAPI' }, /KAFKA_SASL_MECHANISM must be one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512/],
    [{ KAFKA_SASL_MECHANISM: 'PLAIN', KAFKA_SASL_USERNAME: 'u' }, /must be set together/],
    [{ KAFKA_SASL_PASSWORD: 'pw' }, /must be set together/],
    [{ KAFKA_TLS: 'yes' }, /KAFKA_TLS must be true or false/],
    [{ KAFKA_TLS_CA_FILE: pem }, /KAFKA_TLS_CA_FILE needs KAFKA_TLS=true/],
    [{ KAFKA_TLS: 'true', KAFKA_TLS_CA_FILE: `${dir}/missing.pem` }, /KAFKA_TLS_CA_FILE must be a readable file/],
    [{ KAFKA_TLS: 'true', KAFKA_TLS_CA_FILE: notPem }, /KAFKA_TLS_CA_FILE must be a PEM file/],
    [{ KAFKA_TLS: 'true', KAFKA_TLS_CERT_FILE: pem }, /KAFKA_TLS_CERT_FILE and KAFKA_TLS_KEY_FILE must be set together/],
    [{ KAFKA_TOPIC_RETENTION_MS: '-2' }, /KAFKA_TOPIC_RETENTION_MS must be -1/],
    [{ KAFKA_TOPIC_RETENTION_MS: 'a week' }, /KAFKA_TOPIC_RETENTION_MS must be -1/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes the SASL password', () => {
    expect(() => loadConfig({ KAFKA_SASL_PASSWORD: 12 as never })).not.toThrow(/12/);
  });
});

describe('loadConfig: API access', () => {
  it('names this API for credentials and assertions from settings, with local defaults', () => {
    const defaults = loadConfig({ PORT: '4100' });
    expect([defaults.apiBaseUrl, defaults.apiAudience, defaults.ACCESS_TOKEN_TTL_S]).toEqual(['http://127.0.0.1:4100', 'http://127.0.0.1:4100/oauth/token', 300]);
    const set = loadConfig({ API_BASE_URL: 'https://audit.example.com', API_AUDIENCE: 'urn:example:audit', ACCESS_TOKEN_TTL_S: '120' });
    expect([set.apiBaseUrl, set.apiAudience, set.ACCESS_TOKEN_TTL_S]).toEqual(['https://audit.example.com', 'urn:example:audit', 120]);
    expect(loadConfig({ API_BASE_URL: 'https://audit.example.com' }).apiAudience).toBe('https://audit.example.com/oauth/token');
  });

  it('refuses a base URL with a trailing slash or of another scheme, and tokens living over 10 minutes', () => {
    expect(() => loadConfig({ API_BASE_URL: 'https://audit.example.com/' })).toThrow(/API_BASE_URL must be an http\(s\) URL without a trailing slash/);
    expect(() => loadConfig({ API_BASE_URL: 'ftp://audit.example.com' })).toThrow(/API_BASE_URL must be an http\(s\) URL/);
    expect(() => loadConfig({ ACCESS_TOKEN_TTL_S: '601' })).toThrow(/ACCESS_TOKEN_TTL_S must be an integer between 30 and 600/);
  });

  it('reads the rate limit, 0 turning it off', () => {
    expect([loadConfig({}).RATE_LIMIT, loadConfig({}).RATE_LIMIT_WINDOW_S]).toEqual([600, 60]);
    expect(loadConfig({ RATE_LIMIT: '0', RATE_LIMIT_WINDOW_S: '1' }).RATE_LIMIT).toBe(0);
    expect(() => loadConfig({ RATE_LIMIT: '-1' })).toThrow(/RATE_LIMIT must be an integer/);
  });
});
