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
  });

  it('reads Kafka settings and refuses bad ones', () => {
    expect(loadConfig({ KAFKA_BROKERS: '127.0.0.1:19092,kafka:9092' }).kafkaBrokers).toEqual(['127.0.0.1:19092', 'kafka:9092']);
    expect(() => loadConfig({ KAFKA_BROKERS: 'nope' })).toThrow(/KAFKA_BROKERS must be/);
    expect(() => loadConfig({ MONGO_URL: 'postgres://x' })).toThrow(/MONGO_URL must be/);
    expect(() => loadConfig({ KAFKA_TOPIC_PARTITIONS: '0' })).toThrow(/KAFKA_TOPIC_PARTITIONS/);
    expect(() => loadConfig({ PROJECTORS_IN_API: 'maybe' })).toThrow(/PROJECTORS_IN_API must be true or false/);
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
