/** Base of every error this library throws, so a caller can catch them as one kind. */
export class CryptoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * AES-GCM refused to open a ciphertext. GCM cannot tell why, so neither can we: a wrong key,
 * wrong associated data and a tampered ciphertext or tag all look the same.
 */
export class DecryptionFailedError extends CryptoError {
  constructor(what: string) {
    super(`${what} could not be opened: wrong key, wrong associated data, or the ciphertext was altered`);
  }
}

/** The text is not a ciphertext of a format and version this library writes. */
export class MalformedCiphertextError extends CryptoError {}

/** A wrapped data key names a master key that the key ring does not hold. */
export class UnknownMasterKeyError extends CryptoError {
  constructor(readonly keyId: string) {
    super(`the data key was wrapped by master key ${keyId}, which is not in the key ring (was it rotated out too early?)`);
  }
}

/** A master key could not be loaded: a malformed value, or a key file that is unsafe or damaged. */
export class MasterKeyConfigError extends CryptoError {}
