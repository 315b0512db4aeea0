import { DataKey, KeyRing } from '@app/crypto';
import { Subject } from '@app/domain';
import { KeyStore } from './key-store/key-store.port';
import { periodKeyContext, periodKeyId, RetentionPeriod } from './retained-payload';
import { subjectKeyContext } from './subjects';

export interface DataKeysOptions {
  /**
   * How long a key read from the store is trusted before it is read again: the bound on how long a
   * process that missed an erasure (or a month's expiry) elsewhere can still open what it sealed.
   */
  ttlMs?: number;
  now?: () => number;
}

/** A key known to be there, or known to be gone (erased, expired, or never made). */
type Known = { key: DataKey | 'absent'; at: number };

/**
 * The data keys of members and of tenants' months, unwrapped once and kept in memory for a while.
 * Reads ask `load*` first (async, one store round trip for what is missing), then look keys up
 * synchronously, so a presenter can reveal a whole page without awaiting per value.
 */
export class DataKeys {
  private readonly subjects = new Map<string, Known>();
  private readonly periods = new Map<string, Known>();
  private readonly making = new Map<string, Promise<DataKey | 'erased' | 'expired'>>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: KeyStore,
    private readonly ring: KeyRing,
    options: DataKeysOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  async loadSubjects(keyIds: Iterable<string>): Promise<void> {
    const wanted = this.stale(this.subjects, keyIds);
    if (wanted.length === 0) return;
    const found = new Map((await this.store.subjectKeys(wanted)).map((r) => [r.keyId, r.wrapped]));
    for (const keyId of wanted) this.remember(this.subjects, keyId, found.get(keyId), subjectKeyContext(keyId));
  }

  /** After loadSubjects: the key, 'absent' when there is none (erased), undefined when it was not loaded. */
  subjectKey(keyId: string): DataKey | 'absent' | undefined {
    return this.subjects.get(keyId)?.key;
  }

  /** The subject's key when it is in memory and fresh, for sealing without an await; undefined otherwise (absent too). */
  subjectKeyInMemory(keyId: string): DataKey | undefined {
    const known = this.fresh(this.subjects, keyId);
    return known instanceof DataKey ? known : undefined;
  }

  /** The subject's key, made on first use; 'erased' for a subject whose data was erased (nothing is sealed for it again). */
  async subjectKeyForSealing(subject: Subject & { keyId: string }): Promise<DataKey | 'erased'> {
    const known = this.fresh(this.subjects, subject.keyId);
    if (known instanceof DataKey) return known;
    return (await this.once(`s:${subject.keyId}`, async () => {
      const stored = await this.store.putSubjectKey({
        keyId: subject.keyId, scope: subject.scope, memberId: subject.memberId,
        wrapped: this.ring.wrap(DataKey.generate(), subjectKeyContext(subject.keyId)), createdAt: new Date(this.now()).toISOString(),
      });
      this.remember(this.subjects, subject.keyId, stored === 'erased' ? undefined : stored.wrapped, subjectKeyContext(subject.keyId));
      return stored === 'erased' ? 'erased' : (this.subjectKey(subject.keyId) as DataKey);
    })) as DataKey | 'erased';
  }

  /**
   * The subject was erased: from now on its key reads as absent here. The key object is not zeroed,
   * since a seal may hold it across an await; it is garbage once nothing does.
   */
  forgetSubject(keyId: string): void {
    this.subjects.set(keyId, { key: 'absent', at: this.now() });
  }

  async loadPeriods(keyIds: Iterable<string>): Promise<void> {
    const wanted = this.stale(this.periods, keyIds);
    if (wanted.length === 0) return;
    const found = new Map((await this.store.periodKeys(wanted)).map((r) => [r.keyId, r.wrapped]));
    for (const keyId of wanted) this.remember(this.periods, keyId, found.get(keyId), periodKeyContext(keyId));
  }

  periodKey(keyId: string): DataKey | 'absent' | undefined {
    return this.periods.get(keyId)?.key;
  }

  /** The month's key when it is in memory and fresh; undefined otherwise (expired too). */
  periodKeyInMemory(keyId: string): DataKey | undefined {
    const known = this.fresh(this.periods, keyId);
    return known instanceof DataKey ? known : undefined;
  }

  /** The tenant's key for the month, made on first use; 'expired' once that month was expired (never made again). */
  async periodKeyForSealing(period: RetentionPeriod): Promise<{ keyId: string; key: DataKey } | 'expired'> {
    const keyId = periodKeyId(period);
    const known = this.fresh(this.periods, keyId);
    if (known instanceof DataKey) return { keyId, key: known };
    const key = await this.once(`p:${keyId}`, async () => {
      const stored = await this.store.putPeriodKey({
        keyId, ...period, wrapped: this.ring.wrap(DataKey.generate(), periodKeyContext(keyId)), createdAt: new Date(this.now()).toISOString(),
      });
      this.remember(this.periods, keyId, stored === 'expired' ? undefined : stored.wrapped, periodKeyContext(keyId));
      return stored === 'expired' ? 'expired' : (this.periodKey(keyId) as DataKey);
    });
    return key instanceof DataKey ? { keyId, key } : 'expired';
  }

  forgetPeriod(keyId: string): void {
    this.periods.set(keyId, { key: 'absent', at: this.now() });
  }

  private fresh(cache: Map<string, Known>, keyId: string): DataKey | 'absent' | undefined {
    const known = cache.get(keyId);
    return known && this.now() - known.at < this.ttlMs ? known.key : undefined;
  }

  private stale(cache: Map<string, Known>, keyIds: Iterable<string>): string[] {
    return [...new Set(keyIds)].filter((keyId) => this.fresh(cache, keyId) === undefined);
  }

  private remember(cache: Map<string, Known>, keyId: string, wrapped: string | undefined, context: string): void {
    cache.set(keyId, { key: wrapped === undefined ? 'absent' : this.ring.unwrap(wrapped, context), at: this.now() });
  }


  private once<T extends DataKey | 'erased' | 'expired'>(name: string, make: () => Promise<T>): Promise<T> {
    let pending = this.making.get(name) as Promise<T> | undefined;
    if (!pending) {
      pending = make().finally(() => this.making.delete(name));
      this.making.set(name, pending);
    }
    return pending;
  }
}
