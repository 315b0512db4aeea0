import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateNoteKey, NoteSigner, parseSignerKey, parseVerifierKey } from '@app/integrity';

/** The key name (and checkpoint origin) of a generated key. */
export const DEFAULT_AUDIT_ORIGIN = 'activity-log.local/audit';

export interface AuditKeySettings {
  AUDIT_SIGNING_KEY?: string;
  auditSigningKeyFile: string;
  previousVerifierKeys: string[];
}

/**
 * The checkpoint signer: AUDIT_SIGNING_KEY when set, else the key file under DATA_DIR, created
 * (mode 600) on first use. Every process that reads the same DATA_DIR gets the same key.
 */
export function loadAuditSigner(settings: AuditKeySettings): NoteSigner {
  if (settings.AUDIT_SIGNING_KEY) return parseSignerKey(settings.AUDIT_SIGNING_KEY);
  const file = settings.auditSigningKeyFile;
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, `${generateNoteKey(DEFAULT_AUDIT_ORIGIN).signerKey}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return parseSignerKey(readFileSync(file, 'utf8').trim());
}

/** Checks the previous verifier keys at boot: a typo would make old checkpoints unverifiable. */
export function previousVerifierKeys(settings: AuditKeySettings): string[] {
  return settings.previousVerifierKeys.map((k) => parseVerifierKey(k).verifierKey);
}

/** What GET /audit/public-key publishes: the current key first, then every earlier one, once each. */
export function publishedKeys(current: NoteSigner, previous: readonly string[], stored: readonly string[]): { current: string; previous: string[] } {
  const earlier = [...new Set([...previous, ...stored])].filter((k) => k !== current.verifierKey);
  return { current: current.verifierKey, previous: earlier };
}
