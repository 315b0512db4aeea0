import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MasterKeyConfigError } from './crypto.errors';
import { loadOrCreateMasterKeyFile, readMasterKeyFile } from './master-key-file';

describe('the embedded master key file', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'master-key-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is generated on first use, mode 0600, one base64 key, with no temporary file left behind', () => {
    const dir = join(root, 'data');
    const first = loadOrCreateMasterKeyFile(dir);
    expect(first.created).toBe(true);
    expect(statSync(first.path).mode & 0o777).toBe(0o600);
    const content = readFileSync(first.path, 'utf8');
    expect(content).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
    expect(Buffer.from(content.trim(), 'base64')).toHaveLength(32);
    expect(readdirSync(dir)).toEqual(['master.key']);
  });

  it('is loaded, never replaced, on later uses', () => {
    const first = loadOrCreateMasterKeyFile(root);
    const before = readFileSync(first.path, 'utf8');
    const again = loadOrCreateMasterKeyFile(root);
    expect(again.created).toBe(false);
    expect(again.key.id).toBe(first.key.id);
    expect(readFileSync(first.path, 'utf8')).toBe(before);
  });

  it.each([0o644, 0o640, 0o604, 0o660])('is refused with mode %o, with the chmod that fixes it', (mode) => {
    const { path } = loadOrCreateMasterKeyFile(root);
    chmodSync(path, mode);
    expect(() => loadOrCreateMasterKeyFile(root)).toThrow(MasterKeyConfigError);
    expect(() => readMasterKeyFile(path)).toThrow(`chmod 600 ${path}`);
  });

  it.each([
    ['empty', ''],
    ['a short key', `${Buffer.alloc(16).toString('base64')}\n`],
    ['two keys', `${Buffer.alloc(32).toString('base64')}\n${Buffer.alloc(32).toString('base64')}\n`],
    ['text', 'hello world\n'],
  ])('is refused when it holds %s, saying it is malformed', (_, content) => {
    const path = join(root, 'master.key');
    writeFileSync(path, content, { mode: 0o600 });
    expect(() => loadOrCreateMasterKeyFile(root)).toThrow(/malformed master key file/);
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('is refused when the path is a directory', () => {
    mkdirSync(join(root, 'master.key'));
    expect(() => loadOrCreateMasterKeyFile(root)).toThrow(/must be a regular file/);
  });
});
