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
