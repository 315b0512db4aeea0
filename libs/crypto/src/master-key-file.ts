import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { MasterKeyConfigError } from './crypto.errors';
import { MasterKey } from './master-key';

export const DEFAULT_MASTER_KEY_FILE = 'master.key';

export interface LoadedMasterKeyFile {
  key: MasterKey;
  path: string;
  /** True when this call generated the file. */
  created: boolean;
}

/**
 * The embedded-mode master key: `<dir>/<fileName>`, the base64 of 32 random bytes, mode 0600.
 * Generated on first use; created atomically (written under a temporary name, then hard-linked
 * into place, which fails rather than overwrites if another process won the race). An existing
 * file that others may read, that is not a regular file or whose content is not exactly one key
 * is refused with an error that says what to do: never silently replaced, since the data keys
 * it wrapped would be lost.
 */
export function loadOrCreateMasterKeyFile(dir: string, fileName = DEFAULT_MASTER_KEY_FILE): LoadedMasterKeyFile {
  const path = join(dir, fileName);
  if (!exists(path)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (createKeyFile(dir, path)) return { key: readMasterKeyFile(path), path, created: true };
  }
  return { key: readMasterKeyFile(path), path, created: false };
}

/** Reads an existing key file with the same checks. */
export function readMasterKeyFile(path: string): MasterKey {
  const stats = statSync(path);
  if (!stats.isFile()) throw new MasterKeyConfigError(`${path} must be a regular file holding the master key`);
  const mode = stats.mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new MasterKeyConfigError(
      `${path} has mode ${mode.toString(8).padStart(4, '0')}: the master key file must be readable by its owner only (chmod 600 ${path})`,
    );
  }
  const content = readFileSync(path, 'utf8');
  const text = content.endsWith('\n') ? content.slice(0, -1) : content;
  return MasterKey.fromBase64(text, `${path} (malformed master key file: it must hold one base64 key and nothing else)`);
}

/** False when another process created the file first. */
function createKeyFile(dir: string, path: string): boolean {
  const temporary = join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, `${MasterKey.generate().toBase64()}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, path);
    syncDirectory(dir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
