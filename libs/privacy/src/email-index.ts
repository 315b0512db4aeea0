import { createHmac, randomBytes } from 'node:crypto';
import { KeyRing, openEnvelope, sealEnvelope } from '@app/crypto';
import { KeyStore } from './key-store/key-store.port';
import { WRAPPED_META_PREFIX } from './key-store/sqlite-key-store';

export const EMAIL_INDEX_KEY = `${WRAPPED_META_PREFIX}email-index`;
export const EMAIL_INDEX_CONTEXT = 'email-index';

/**
 * The member-email filter without emails at rest: HMAC-SHA256 of (scope, the email lowercased)
 * under a random key of the key store, mapped to the member it belongs to. A query hashes the
 * email it is given and filters by the members found; an erased member's entries are deleted with
 * their key, so their email finds nothing. The HMAC key is made once, sealed by the master key.
 */
export class EmailIndex {
  private key: Promise<Buffer> | undefined;
  private readonly registered = new Set<string>();

  constructor(
    private readonly store: KeyStore,
    private readonly ring: KeyRing,
  ) {}

  async hash(scope: string, email: string): Promise<string> {
    return createHmac('sha256', await this.hmacKey()).update(`${scope}\0${email.trim().toLowerCase()}`).digest('hex');
  }

  /** Remembers that this member of the scope uses this email (once per process and entry). */
  async register(scope: string, email: string, keyId: string, memberId: string): Promise<void> {
    const emailHash = await this.hash(scope, email);
    const name = `${scope}|${emailHash}|${keyId}`;
    if (this.registered.has(name)) return;
    await this.store.indexEmail({ scope, emailHash, keyId, memberId });
    this.registered.add(name);
  }

  async membersWithEmail(scope: string, email: string): Promise<string[]> {
    return this.store.membersByEmail(scope, await this.hash(scope, email));
  }

  /** The subject was erased: register its entries again if it ever came back (it cannot: the store refuses). */
  forget(keyId: string): void {
    for (const name of this.registered) if (name.endsWith(`|${keyId}`)) this.registered.delete(name);
  }

  private hmacKey(): Promise<Buffer> {
    this.key ??= (async () => {
      const fresh = sealEnvelope(this.ring, randomBytes(32).toString('base64'), EMAIL_INDEX_CONTEXT);
      const stored = await this.store.putMetaIfAbsent(EMAIL_INDEX_KEY, fresh);
      return Buffer.from(openEnvelope(this.ring, stored, EMAIL_INDEX_CONTEXT).toString('utf8'), 'base64');
    })().catch((error) => {
      this.key = undefined;
      throw error;
    });
    return this.key;
  }
}
