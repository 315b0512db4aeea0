import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('runs on the embedded defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './data', SQLITE_SYNCHRONOUS: 'FULL', LOG_LEVEL: 'info' });
    expect(config.EVENTSTORE_URL).toBeUndefined();
    expect(config.eventStoreFile).toMatch(/data\/events\.sqlite$/);
  });

  it('reads the settings it knows and ignores the rest', () => {
    const config = loadConfig({ PORT: '8080', EVENTSTORE_URL: 'esdb://localhost:2113?tls=false', HOME: '/root' });
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
