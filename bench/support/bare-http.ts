import { fork } from 'node:child_process';
import { join } from 'node:path';

/** The bare node:http server (bare-http-server.js) in a child process: its URL and how to stop it. */
export async function startBareHttpServer(): Promise<{ url: string; close(): Promise<void> }> {
  const child = fork(join(__dirname, 'bare-http-server.js'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: [] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`bare node:http server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
