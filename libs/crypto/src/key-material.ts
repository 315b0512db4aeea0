import { CryptoError } from './crypto.errors';

/**
 * Key bytes live here, out of the key objects themselves, so that no property, JSON.stringify
 * or console.log of a key can ever show them. Not exported from the library's index.
 */
const material = new WeakMap<object, Buffer>();

export function holdKeyBytes(owner: object, bytes: Buffer): void {
  material.set(owner, Buffer.from(bytes));
}

export function keyBytes(owner: object): Buffer {
  const bytes = material.get(owner);
  if (!bytes) throw new CryptoError('the key was destroyed');
  return bytes;
}

export function destroyKeyBytes(owner: object): void {
  material.get(owner)?.fill(0);
  material.delete(owner);
}
