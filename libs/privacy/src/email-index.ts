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
  /**
   * What this process indexed already, by subject key id: `scope\0email` as given, so that a known
   * entry costs no HMAC. Held in memory only, and dropped with the subject when it is erased.
   */
  private readonly registered = new Map<string, Set<string>>();

  constructor(
    private readonly store: KeyStore,
    private readonly ring: KeyRing,
  ) {}

  async hash(scope: string, email: string): Promise<string> {
    return createHmac('sha256', await this.hmacKey()).update(`${scope}\0${email.trim().toLowerCase()}`).digest('hex');
  }

  /** Remembers that this member of the scope uses this email (once per process and entry). */
  async register(scope: string, email: string, keyId: string, memberId: string): Promise<void> {
    if (this.isRegistered(scope, email, keyId)) return;
    const emailHash = await this.hash(scope, email);
    await this.store.indexEmail({ scope, emailHash, keyId, memberId });
    let names = this.registered.get(keyId);
    if (!names) this.registered.set(keyId, (names = new Set()));
    names.add(`${scope}\0${email}`);
  }

  /** Whether this process indexed the entry already (then register would do nothing). */
  isRegistered(scope: string, email: string, keyId: string): boolean {
    return this.registered.get(keyId)?.has(`${scope}\0${email}`) ?? false;
  }

  async membersWithEmail(scope: string, email: string): Promise<string[]> {
    return this.store.membersByEmail(scope, await this.hash(scope, email));
  }

  /** The subject was erased: register its entries again if it ever came back (it cannot: the store refuses). */
  forget(keyId: string): void {
    this.registered.delete(keyId);
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
