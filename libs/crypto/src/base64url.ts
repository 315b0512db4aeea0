import { MalformedCiphertextError } from './crypto.errors';

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Decodes unpadded base64url strictly: Node's decoder silently skips bad characters. */
export function decodeBase64Url(text: string, what: string): Buffer {
  if (!BASE64URL.test(text)) throw new MalformedCiphertextError(`${what} is not base64url`);
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) throw new MalformedCiphertextError(`${what} is not canonical base64url`);
  return bytes;
}
