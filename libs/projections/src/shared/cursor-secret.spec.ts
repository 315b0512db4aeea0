import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@app/config';
import { CURSOR_SECRET_FILE, cursorSignerFor } from './cursor-secret';
import { CursorSigner } from './cursor-signer';

describe('cursorSignerFor', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cursor-secret-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('in embedded mode, generates one secret into DATA_DIR (mode 600) that every process on it shares', () => {
    const first = cursorSignerFor(loadConfig({ DATA_DIR: dir }));
    const file = join(dir, CURSOR_SECRET_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').length).toBeGreaterThanOrEqual(32);
    const second = cursorSignerFor(loadConfig({ DATA_DIR: dir }));
    expect(second.verify(first.sign({ a: 1 }, 'v'), 'v')).toEqual({ a: 1 });
  });

  it('uses CURSOR_SECRET when set, and accepts CURSOR_SECRETS_PREVIOUS', () => {
    const old = new CursorSigner('o'.repeat(32));
    const signer = cursorSignerFor(loadConfig({ DATA_DIR: dir, CURSOR_SECRET: 'n'.repeat(32), CURSOR_SECRETS_PREVIOUS: 'o'.repeat(32) }));
    expect(signer.verify(old.sign({ a: 1 }, 'v'), 'v')).toEqual({ a: 1 });
    expect(() => statSync(join(dir, CURSOR_SECRET_FILE))).toThrow();
  });

  it('requires CURSOR_SECRET outside embedded mode, where API processes need not share a disk', () => {
    const config = loadConfig({ DATA_DIR: dir, EVENTSTORE_URL: 'esdb://localhost:2113?tls=false', AUTH_JWT_SECRET: 's'.repeat(32) });
    expect(() => cursorSignerFor(config)).toThrow('CURSOR_SECRET is required when EVENTSTORE_URL is set');
  });

  it('refuses short secrets at boot without echoing them', () => {
    expect(() => loadConfig({ CURSOR_SECRET: 'short-cursor-secret' })).toThrow(/CURSOR_SECRET must be at least 32 characters long \(got \[redacted\]\)/);
    expect(() => loadConfig({ CURSOR_SECRETS_PREVIOUS: `${'a'.repeat(32)},short` })).toThrow(/CURSOR_SECRETS_PREVIOUS must be/);
  });
});
