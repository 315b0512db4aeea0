import { fork } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The worker (`npm run start:worker`: every projector, in a process of its own) on `env`'s DATA_DIR. */
export async function startWorkerProcess(env: Record<string, string>): Promise<{ close(): Promise<void> }> {
  const child = fork(join(ROOT, 'apps', 'worker', 'src', 'main.ts'), [], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    execArgv: ['-r', join(__dirname, 'ts-register.js'), '-r', 'tsconfig-paths/register'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    close: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
