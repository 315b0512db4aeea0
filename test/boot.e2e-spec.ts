import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function runApi(env: Record<string, string>, untilOutput?: RegExp): Promise<{ code: number | null; signal: string | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
      { cwd: root, env: { PATH: process.env.PATH, ...env } },
    );
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (untilOutput?.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

describe('booting the API', () => {
  it('stops with a message naming each wrong setting', async () => {
    const { code, output } = await runApi({ PORT: 'abc', EVENTSTORE_URL: 'http://nope' });
    expect(code).toBe(1);
    expect(output).toContain('Invalid configuration');
    expect(output).toContain('PORT must be an integer between 1 and 65535 (got "abc")');
    expect(output).toContain('EVENTSTORE_URL must be an EventStoreDB connection string');
  });

  it('starts on the embedded defaults, creating its data directory, and shuts down cleanly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-boot-'));
    const port = await freePort();
    const { code, signal, output } = await runApi(
      { DATA_DIR: join(dir, 'data'), PORT: String(port), LOG_LEVEL: 'info' },
      /API listening/,
    );
    expect(output).toContain(`API listening on http://127.0.0.1:${port} with the SQLite`);
    // Nest closes the app on SIGTERM, then re-raises the signal: that is the clean exit.
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGTERM' });
    expect(existsSync(join(dir, 'data', 'events.sqlite'))).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  }, 60000);
});
