import { createHmac, timingSafeEqual } from 'node:crypto';

const VERSION = 'c1';
const MAC_BYTES = 32;

/**
 * Signs and verifies the API's opaque tokens (page cursors, pull cursors): a JSON payload and
 * an HMAC-SHA256 over it and over a `binding` that is not stored in the token, such as who may
 * use it. A token that was edited, truncated, made under another binding or with a key this
 * signer does not hold does not verify. Signs with the first key; verifies with any, so a key
 * can be rotated without breaking the tokens in flight.
 */
export class CursorSigner {
  private readonly keys: Buffer[];

  constructor(secret: string, previous: readonly string[] = []) {
    this.keys = [secret, ...previous].map((key) => Buffer.from(key, 'utf8'));
  }

  sign(payload: unknown, binding: string): string {
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${VERSION}.${body}.${mac(this.keys[0], body, binding).toString('base64url')}`;
  }

  /** The payload, or undefined when `token` is not one this signer issued under `binding`. */
  verify(token: string, binding: string): unknown {
    const [version, body, signature, extra] = token.split('.');
    if (version !== VERSION || !body || !signature || extra !== undefined) return undefined;
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== MAC_BYTES || given.toString('base64url') !== signature) return undefined;
    if (!this.keys.some((key) => timingSafeEqual(mac(key, body, binding), given))) return undefined;
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
  }
}

function mac(key: Buffer, body: string, binding: string): Buffer {
  return createHmac('sha256', key).update(`${VERSION}\0${binding}\0${body}`).digest();
}
