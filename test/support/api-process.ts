import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ApiProcess {
  /** Resolves with everything the process wrote once the output matches (or the process exits). */
  output(until: RegExp): Promise<string>;
  stop(): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>;
  /** Sends the signal (SIGKILL: a crash, nothing flushed or closed) and waits for the exit. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>;
}

/** The API as `npm start` runs it (from source here), its stdout a pipe: not a terminal. */
export function startApiProcess(env: Record<string, string>): ApiProcess {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env },
  });
  let stdout = '';
  let stderr = '';
  const waiters: (() => void)[] = [];
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      waiters.forEach((w) => w());
      resolve({ code, signal });
    }),
  );
  const onData = (append: (text: string) => void) => (chunk: Buffer) => {
    append(chunk.toString());
    waiters.forEach((w) => w());
  };
  child.stdout.on('data', onData((text) => (stdout += text)));
  child.stderr.on('data', onData((text) => (stderr += text)));
  return {
    output: (until) =>
      new Promise((resolve) => {
        const check = () => (until.test(stdout + stderr) || child.exitCode !== null) && resolve(stdout + stderr);
        waiters.push(check);
        check();
      }),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return { ...(await exited), stdout, stderr };
    },
    kill: async (signal) => {
      if (child.exitCode === null) child.kill(signal);
      return { ...(await exited), stdout, stderr };
    },
  };
}
