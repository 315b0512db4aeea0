import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { AppConfig, loadConfig } from '@app/config';
import { mintToken, Principal } from '@app/auth';

export interface BenchServer {
  url: string;
  config: AppConfig;
  token(principal: Principal): Promise<string>;
  /** Starts a CPU profile of the server (inspector), and returns a function that stops it and writes it to `file`. */
  profile(): Promise<(file: string) => Promise<void>>;
  close(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');

/**
 * Boots bench-server.ts in a child process on a data directory (embedded engines only; `settings` override the
 * environment), so the load generator
 * (autocannon, samplers) does not share the API's event loop. LOG_LEVEL defaults to what
 * `npm start` uses (info, one line per request); its output is discarded.
 */
export async function startBenchServer(dataDir: string, settings: Record<string, string> = {}): Promise<BenchServer> {
  const env = {
    DATA_DIR: dataDir, AUTH_JWT_SECRET: randomBytes(32).toString('hex'), EVENTSTORE_URL: '', MONGO_URL: '', KAFKA_BROKERS: '', PROJECTORS_IN_API: 'true',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info', HOST: '127.0.0.1', ...settings,
  };
  const config = loadConfig(env);
  const child = fork(join(__dirname, 'bench-server.ts'), [], {
    cwd: ROOT,
    env: { ...process.env, ...env, TS_NODE_TRANSPILE_ONLY: 'true' },
    execArgv: ['-r', join(__dirname, 'ts-register.js'), '-r', 'tsconfig-paths/register'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench server did not start within 120 s')), 120_000);
    child.once('message', (m: { port: number }) => { clearTimeout(timer); resolve(m.port); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`bench server exited with ${code} before listening`)); });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    config,
    token: (principal) => mintToken(config, principal, '2h'),
    profile: async () => {
      const reply = (key: string) => new Promise<void>((resolve) => {
        const on = (m: Record<string, unknown>) => { if (key in m) { child.off('message', on); resolve(); } };
        child.on('message', on);
      });
      const started = reply('profiling');
      child.send({ profile: 'start' });
      await started;
      return async (file) => {
        const written = reply('profiled');
        child.send({ profile: 'stop', file });
        await written;
      };
    },
    close: async () => {
      if (child.exitCode !== null) return;
      // Disconnecting lets it close and exit by itself; SIGTERM if it hangs.
      child.disconnect();
      const terminator = setTimeout(() => child.kill('SIGTERM'), 10_000);
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(terminator);
      clearTimeout(killer);
    },
  };
}
