export * from './crypto.errors';
export { aesGcmOpen, aesGcmSeal, aesGcmSealText, KEY_BYTES } from './aes-gcm';
export { DataKey, openBytesWithDataKey, openWithDataKey, sealBytesWithDataKey, sealTextWithDataKey, sealWithDataKey } from './data-key';
export { MasterKey, masterKeysFromList } from './master-key';
export { KeyRing } from './key-ring';
export { envelopeNeedsRewrap, openEnvelope, rewrapEnvelope, sealEnvelope } from './envelope';
export { DEFAULT_MASTER_KEY_FILE, type LoadedMasterKeyFile, loadOrCreateMasterKeyFile, readMasterKeyFile } from './master-key-file';
export { type ApiKeyPair, generateApiKeyPair, hashOpaqueToken, jwkThumbprint, newOpaqueToken, OPAQUE_TOKEN_BYTES, type P256PublicJwk } from './api-credentials';
