import { KeyRing, loadOrCreateMasterKeyFile, MasterKey, MasterKeyConfigError, masterKeysFromList } from '@app/crypto';
import { AppConfig } from '@app/config';

export type MasterKeySettings = Pick<AppConfig, 'SECRETS_MASTER_KEY' | 'SECRETS_MASTER_KEY_PREVIOUS' | 'DATA_DIR' | 'embedded'>;

/** The key ring and where its primary key came from (for one boot log line; never the key). */
export interface LoadedKeyRing {
  ring: KeyRing;
  source: string;
}

/**
 * The master keys that wrap the secrets' data keys: SECRETS_MASTER_KEY (base64 of 32 bytes), and
 * during a rotation the older ones in SECRETS_MASTER_KEY_PREVIOUS. In embedded mode without one,
 * a key generated once in DATA_DIR/master.key (mode 600): back it up with DATA_DIR, since losing
 * it loses every stored secret. Outside embedded mode the key is required: processes on several
 * machines must share it.
 */
export function masterKeyRing(settings: MasterKeySettings): LoadedKeyRing {
  const previous = masterKeysFromList(settings.SECRETS_MASTER_KEY_PREVIOUS, 'SECRETS_MASTER_KEY_PREVIOUS');
  if (settings.SECRETS_MASTER_KEY) {
    const primary = MasterKey.fromBase64(settings.SECRETS_MASTER_KEY, 'SECRETS_MASTER_KEY');
    return { ring: new KeyRing(primary, previous), source: `SECRETS_MASTER_KEY (key ${primary.id})` };
  }
  if (!settings.embedded) {
    throw new MasterKeyConfigError('SECRETS_MASTER_KEY is required when EVENTSTORE_URL is set (e.g. openssl rand -base64 32); only embedded mode may generate a key file');
  }
  const file = loadOrCreateMasterKeyFile(settings.DATA_DIR);
  return { ring: new KeyRing(file.key, previous), source: `${file.created ? 'generated ' : ''}${file.path} (key ${file.key.id})` };
}
