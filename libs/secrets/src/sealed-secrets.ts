import { CryptoError, envelopeNeedsRewrap, KeyRing, openEnvelope, rewrapEnvelope, sealEnvelope, UnknownMasterKeyError } from '@app/crypto';
import { SecretPosition, SecretStore } from './secret-store.port';

/** Why a stored secret cannot be used; the message says what to do and never shows the secret. */
export class SecretUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretUnavailableError';
  }
}

export interface PruneOptions {
  /** The version in use: never deleted. Absent: every version goes (a disconnected owner). */
  keep?: string;
  /** Only versions written before this time (ISO): one written a moment ago may belong to a command still running. */
  writtenBefore: string;
}

export interface RewrapReport {
  total: number;
  rewrapped: number;
  /** Versions that could not be opened with any configured master key. */
  failed: number;
}

/**
 * Seals secrets with envelope encryption (a data key of their own, wrapped by the primary master
 * key) and opens them, each bound to its owner and version: an envelope copied to another owner
 * or version does not open. Openings rewrap what an older master key wrapped.
 */
export class SealedSecrets {
  constructor(
    private readonly store: SecretStore,
    private readonly ring: KeyRing,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async seal(ownerId: string, version: string, plaintext: string): Promise<void> {
    const sealed = sealEnvelope(this.ring, plaintext, contextOf({ ownerId, version }));
    await this.store.put({ ownerId, version, sealed, createdAt: this.now().toISOString() });
  }

  /** The plain secret; SecretUnavailableError when it is missing or no configured key opens it. */
  async open(ownerId: string, version: string): Promise<string> {
    const stored = await this.store.get(ownerId, version);
    if (!stored) throw new SecretUnavailableError(`no stored secret (version ${version}): enter the secret again by editing the integration`);
    let plaintext: string;
    try {
      plaintext = openEnvelope(this.ring, stored.sealed, contextOf(stored)).toString('utf8');
    } catch (error) {
      throw unavailable(error);
    }
    if (envelopeNeedsRewrap(this.ring, stored.sealed)) await this.store.replace(stored, rewrapEnvelope(this.ring, stored.sealed, contextOf(stored)));
    return plaintext;
  }

  /** Deletes the versions no one needs any more; answers how many. */
  async prune(ownerId: string, { keep, writtenBefore }: PruneOptions): Promise<number> {
    const stale = (await this.store.versions(ownerId)).filter((s) => s.version !== keep && s.createdAt < writtenBefore);
    return this.store.delete(ownerId, stale.map((s) => s.version));
  }

  /** Master-key rotation: every data key wrapped by an older key, rewrapped by the primary. */
  async rewrapAll(pageSize = 500): Promise<RewrapReport> {
    const report: RewrapReport = { total: 0, rewrapped: 0, failed: 0 };
    for (let page = await this.store.page(undefined, pageSize); page.length > 0; page = await this.store.page(page[page.length - 1], pageSize)) {
      for (const stored of page) {
        report.total += 1;
        if (!envelopeNeedsRewrap(this.ring, stored.sealed)) continue;
        try {
          await this.store.replace(stored, rewrapEnvelope(this.ring, stored.sealed, contextOf(stored)));
          report.rewrapped += 1;
        } catch (error) {
          if (!(error instanceof CryptoError)) throw error;
          report.failed += 1;
        }
      }
    }
    return report;
  }
}

/** The associated data every envelope is bound to. */
function contextOf({ ownerId, version }: SecretPosition): string {
  return `secret:${ownerId}:${version}`;
}

function unavailable(error: unknown): SecretUnavailableError {
  if (error instanceof UnknownMasterKeyError) {
    return new SecretUnavailableError(
      `the stored secret was sealed under master key ${error.keyId}, which is not configured: add it to SECRETS_MASTER_KEY_PREVIOUS, or enter the secret again`,
    );
  }
  if (error instanceof CryptoError) return new SecretUnavailableError(`the stored secret cannot be opened (${error.message}): enter the secret again`);
  throw error;
}
