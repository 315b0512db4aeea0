import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '@app/config';
import { CursorSigner } from './cursor-signer';

export const CURSOR_SECRET_FILE = 'cursor-secret';

/**
 * The signer of this deployment's cursors: CURSOR_SECRET (with CURSOR_SECRETS_PREVIOUS still
 * accepted), or in embedded mode a secret generated once into DATA_DIR/cursor-secret (mode 600),
 * which every API process on that DATA_DIR shares. Outside embedded mode API processes need not
 * share a disk, so CURSOR_SECRET is required: a cursor must verify on whichever process serves
 * the next page.
 */
export function cursorSignerFor(config: AppConfig): CursorSigner {
  if (config.CURSOR_SECRET) return new CursorSigner(config.CURSOR_SECRET, config.previousCursorSecrets);
  if (!config.embedded) {
    throw new Error('CURSOR_SECRET is required when EVENTSTORE_URL is set: every API process must sign cursors with the same key');
  }
  return new CursorSigner(embeddedCursorSecret(config.DATA_DIR), config.previousCursorSecrets);
}

function embeddedCursorSecret(dataDir: string): string {
  const file = join(dataDir, CURSOR_SECRET_FILE);
  mkdirSync(dataDir, { recursive: true });
  // Written whole under a temporary name, then linked into place: a process starting at the same
  // moment either wins the link or reads the winner's complete file, never a half-written one.
  const temporary = join(dataDir, `.${CURSOR_SECRET_FILE}.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(temporary, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  chmodSync(file, 0o600);
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file} must hold a secret of 32 characters or more`);
  return secret;
}
