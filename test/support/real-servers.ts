/**
 * Gating for suites that need a real server on loopback (DESIGN §7).
 *
 * A suite names the environment variable that carries the server's address. When it is set
 * the suite runs against it. When it is missing:
 *  - in CI (`CI=true`) the suite fails with one test that says the servers were not started:
 *    CI must run the Kafka and MongoDB suites, never skip them;
 *  - elsewhere the suite registers a single `it.todo` that tells how to start the server.
 *
 * Start the servers with scripts/servers/ (install-*.sh, then start-*.sh, which print the
 * value to export) and stop them with scripts/servers/stop-servers.sh.
 */

export type RealServerEnv = 'KAFKA_BROKERS' | 'MONGO_URL';

const HOW_TO_START: Record<RealServerEnv, string> = {
  KAFKA_BROKERS:
    'scripts/servers/install-kafka.sh && scripts/servers/start-kafka.sh, then export KAFKA_BROKERS=127.0.0.1:19092',
  MONGO_URL:
    'scripts/servers/install-ferretdb.sh && scripts/servers/start-ferretdb.sh, then export MONGO_URL=mongodb://127.0.0.1:27117/',
};

/** True when running in CI, where every real-server suite must run. */
export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === 'true';
}

/** The server's address from the environment, or undefined when it is not set (or blank). */
export function requireServer(name: RealServerEnv, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** The message a suite reports when `name` is missing. */
export function missingServerMessage(name: RealServerEnv, ci = isCI()): string {
  return ci
    ? `${name} is not set: CI must start the servers (${HOW_TO_START[name]})`
    : `${name} is not set: start the server with ${HOW_TO_START[name]}`;
}

/**
 * `describe(title, ...)` that runs `fn(value)` when the env var `envName` is set; otherwise a
 * failing test in CI, or a single `it.todo` elsewhere.
 */
export function describeWithServer(envName: RealServerEnv, title: string, fn: (value: string) => void): void {
  const value = requireServer(envName);
  describe(title, () => {
    if (value !== undefined) {
      fn(value);
    } else if (isCI()) {
      it(`needs ${envName}`, () => {
        throw new Error(missingServerMessage(envName, true));
      });
    } else {
      it.todo(missingServerMessage(envName, false));
    }
  });
}

/** Comma-separated `host:port` list from KAFKA_BROKERS. */
export function kafkaBrokers(value: string): string[] {
  return value
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
}
