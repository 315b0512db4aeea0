import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './api-process';
import { isCI } from './real-servers';

const root = join(__dirname, '..', '..');
const run = promisify(execFile);

/** The secured broker of scripts/servers/start-kafka-sasl.sh, started by the suite that needs it. */
export interface SaslBroker {
  brokers: string;
  adminUsername: string;
  adminPassword: string;
  stop(): Promise<void>;
}

/** Why the broker cannot start here, or undefined when the Kafka install (the same one start-kafka.sh uses) is there. */
function missingInstall(): string | undefined {
  const servers = process.env.SERVERS_DIR ?? join(root, '.ci', 'servers');
  if (!existsSync(join(servers, 'kafka', 'INSTALLED'))) return `Kafka is not installed in ${servers}/kafka: run scripts/servers/install-kafka.sh`;
  return undefined;
}

/** Starts a fresh secured broker on free ports; `stop` ends it (and only it). */
export async function startSaslBroker(): Promise<SaslBroker> {
  const port = await freePort();
  const controller = await freePort();
  const env = { ...process.env, KAFKA_SASL_PORT: String(port), KAFKA_SASL_CONTROLLER_PORT: String(controller) };
  const { stdout } = await run(join(root, 'scripts/servers/start-kafka-sasl.sh'), [], { cwd: root, env, timeout: 150_000 });
  const values = Object.fromEntries(stdout.trim().split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2)));
  return {
    brokers: values.KAFKA_SASL_BROKERS,
    adminUsername: values.KAFKA_SASL_ADMIN_USERNAME,
    adminPassword: values.KAFKA_SASL_ADMIN_PASSWORD,
    stop: async () => {
      await run(join(root, 'scripts/servers/stop-servers.sh'), ['kafka-sasl'], { cwd: root, timeout: 60_000 });
    },
  };
}

/**
 * `describe` for suites that start their own secured broker: runs when Kafka is installed; else
 * fails in CI (which installs it) and is a todo elsewhere, like describeWithServer.
 */
export function describeWithSaslBroker(title: string, fn: () => void): void {
  const missing = missingInstall();
  describe(title, () => {
    if (missing === undefined) fn();
    else if (isCI()) it('needs the Kafka install', () => {
      throw new Error(`${missing} (CI must install it)`);
    });
    else it.todo(missing);
  });
}
