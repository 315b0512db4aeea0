import { spawn } from 'node:child_process';
import { createServer, Server } from 'node:net';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

function runApi(env: Record<string, string>, untilOutput?: RegExp): Promise<{ code: number | null; signal: string | null; output: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
      { cwd: root, env: { PATH: process.env.PATH, ...env } },
    );
    let output = '';
    let stderr = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (untilOutput?.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code, signal) => resolve({ code, signal, output, stderr }));
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

/** A start-up failure: exit code 1 and one line on stderr, nothing else on either stream, no stack trace. */
function expectOneLine(result: { code: number | null; output: string; stderr: string }, line: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.output).toBe(result.stderr);
  expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(result.stderr).toMatch(line);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe('start-up failures end with one clear line', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'api-fail-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('when the port is in use', async () => {
    const port = await freePort();
    const taken: Server = await new Promise((resolve) => {
      const server = createServer().listen(port, '127.0.0.1', () => resolve(server));
    });
    try {
      const result = await runApi({ DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'info' });
      expectOneLine(result, new RegExp(`^The API cannot listen on 127\\.0\\.0\\.1:${port}: the port is already in use \\(set PORT to a free port\\)$`, 'm'));
    } finally {
      taken.close();
    }
  }, 60_000);

  it('when DATA_DIR is not a usable directory', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a directory');
    const result = await runApi({ DATA_DIR: join(file, 'data'), PORT: String(await freePort()), LOG_LEVEL: 'info' });
    expectOneLine(result, /^The API cannot start: DATA_DIR ".*a-file\/data" is not a usable directory: a part of the path is a file, not a directory \(set DATA_DIR to a writable directory\)$/m);
  }, 60_000);

  it('when HOST is not an address of this machine', async () => {
    const port = await freePort();
    const result = await runApi({ DATA_DIR: dir, PORT: String(port), HOST: '203.0.113.77', LOG_LEVEL: 'info' });
    expectOneLine(result, new RegExp(`^The API cannot listen on 203\\.0\\.113\\.77:${port}: 203\\.0\\.113\\.77 is not an address of this machine \\(set HOST`, 'm'));
  }, 60_000);

  it('when HOST is no address at all (a setting error)', async () => {
    const result = await runApi({ DATA_DIR: dir, HOST: 'not a host!' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('HOST must be an IP address or a host name to listen on, such as 127.0.0.1 or 0.0.0.0 (got "not a host!")');
  }, 60_000);

  it('when MongoDB cannot be reached, naming it without credentials', async () => {
    const mongoPort = await freePort();
    const result = await runApi({
      DATA_DIR: dir, PORT: String(await freePort()), LOG_LEVEL: 'info', MONGO_URL: `mongodb://reader:s3cret-pw@127.0.0.1:${mongoPort}/activity`,
    });
    expectOneLine(result, new RegExp(`^The API cannot reach MongoDB at 127\\.0\\.0\\.1:${mongoPort} \\(MONGO_URL\\): `, 'm'));
    expect(result.stderr).not.toContain('s3cret-pw');
  }, 60_000);
});
