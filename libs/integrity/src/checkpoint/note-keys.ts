/**
 * Ed25519 keys for C2SP signed notes, in the text encodings of golang.org/x/mod/sumdb/note:
 *
 *   verifier key  <name>+<key id, 8 hex>+<base64(0x01 || 32-byte public key)>
 *   signer key    PRIVATE+KEY+<name>+<key id, 8 hex>+<base64(0x01 || 32-byte seed)>
 *
 * key id = first 4 bytes, big-endian, of SHA-256(name || 0x0A || 0x01 || public key).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';
import { fromBase64, sha256, toBase64, utf8 } from '../bytes';
import { hasControlCharacter } from './control-characters';

export const ED25519_ALGORITHM = 0x01;

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  /** The verifier key string, safe to publish. */
  readonly verifierKey: string;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  /** The public half, as a verifier key string. */
  readonly verifierKey: string;
  sign(message: Uint8Array): Uint8Array;
}

export class NoteKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoteKeyError';
  }
}

/** Non-empty, no Unicode space, no plus (signed-note §Format). */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s\u0085+]/u.test(name) && !hasControlCharacter(name);
}

export function noteKeyId(name: string, publicKey: Uint8Array): number {
  const digest = sha256(utf8(name), Uint8Array.of(0x0a, ED25519_ALGORITHM), publicKey);
  return Buffer.from(digest).readUInt32BE(0);
}

export function verifierKeyOf(name: string, publicKey: Uint8Array): string {
  if (!isValidKeyName(name)) throw new NoteKeyError(`bad key name ${JSON.stringify(name)}`);
  if (publicKey.length !== 32) throw new NoteKeyError('an Ed25519 public key is 32 bytes');
  const keyData = toBase64(Uint8Array.of(ED25519_ALGORITHM, ...publicKey));
  return `${name}+${hex8(noteKeyId(name, publicKey))}+${keyData}`;
}

/** A fresh key pair. Keep `signerKey` secret (a file of mode 600, a secret manager). */
export function generateNoteKey(name: string): { signerKey: string; verifierKey: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_ED25519_PREFIX.length);
  const signerKey = encodeSignerKey(name, new Uint8Array(seed));
  return { signerKey, verifierKey: parseSignerKey(signerKey).verifierKey };
}

export function parseVerifierKey(vkey: string): NoteVerifier {
  const parts = splitKey(vkey, 3);
  if (!parts) throw new NoteKeyError('a verifier key is <name>+<id>+<key>');
  const [name, id, keyData] = parts;
  const publicKey = decodeKeyData(name, id, keyData);
  const keyId = noteKeyId(name, publicKey);
  if (id !== hex8(keyId)) throw new NoteKeyError(`key id ${id} does not match the key (${hex8(keyId)})`);
  const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]), format: 'der', type: 'spki' });
  return {
    name,
    keyId,
    verifierKey: vkey,
    verify: (message, signature) => signature.length === 64 && verify(null, message, key, signature),
  };
}

export function parseSignerKey(skey: string): NoteSigner {
  const parts = splitKey(skey, 5);
  const [p, k, name, id, keyData] = parts ?? [];
  if (!parts || p !== 'PRIVATE' || k !== 'KEY') {
    throw new NoteKeyError('a signer key is PRIVATE+KEY+<name>+<id>+<key>');
  }
  const seed = decodeKeyData(name, id, keyData);
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const verifierKey = verifierKeyOf(name, publicKeyOf(privateKey));
  const verifier = parseVerifierKey(verifierKey);
  if (id !== hex8(verifier.keyId)) throw new NoteKeyError('the signer key id does not match its public key');
  return {
    name,
    keyId: verifier.keyId,
    verifierKey,
    sign: (message) => new Uint8Array(sign(null, message, privateKey)),
  };
}

function encodeSignerKey(name: string, seed: Uint8Array): string {
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const id = hex8(noteKeyId(name, publicKeyOf(privateKey)));
  return `PRIVATE+KEY+${name}+${id}+${toBase64(Uint8Array.of(ED25519_ALGORITHM, ...seed))}`;
}

function publicKeyOf(privateKey: KeyObject): Uint8Array {
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return new Uint8Array(spki.subarray(SPKI_ED25519_PREFIX.length));
}

function decodeKeyData(name: string, id: string, keyData: string): Uint8Array {
  if (!isValidKeyName(name)) throw new NoteKeyError(`bad key name ${JSON.stringify(name)}`);
  if (!/^[0-9a-f]{8}$/.test(id)) throw new NoteKeyError('a key id is 8 lowercase hex digits');
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(keyData);
  } catch {
    throw new NoteKeyError('the key is not base64');
  }
  if (bytes[0] !== ED25519_ALGORITHM) throw new NoteKeyError('only Ed25519 keys (algorithm 1) are supported');
  if (bytes.length !== 33) throw new NoteKeyError('an Ed25519 key is 32 bytes');
  return bytes.subarray(1);
}

/** Splits at the first parts-1 plus signs: the base64 key at the end may hold '+' itself. */
function splitKey(key: string, parts: number): string[] | undefined {
  const out: string[] = [];
  let rest = key;
  for (let i = 1; i < parts; i++) {
    const at = rest.indexOf('+');
    if (at < 0) return undefined;
    out.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  return [...out, rest];
}

function hex8(id: number): string {
  return id.toString(16).padStart(8, '0');
}
