/** A member's data key, wrapped by the master key. Ids only beside it: no personal data. */
export interface SubjectKeyRecord {
  keyId: string;
  scope: string;
  memberId: string;
  wrapped: string;
  createdAt: string;
}

/** A tenant's key for one month of `activity` payloads. */
export interface PeriodKeyRecord {
  keyId: string;
  tenant: string;
  period: string;
  wrapped: string;
  createdAt: string;
}

/** Where a member's email points in the email filter: a keyed hash of it, never the email. */
export interface EmailIndexEntry {
  scope: string;
  emailHash: string;
  keyId: string;
  memberId: string;
}

export type WrappedKeyKind = 'subject' | 'period' | 'meta';

/** One wrapped key of any kind, for a master-key rotation to rewrap them all. */
export interface WrappedKeyRef {
  kind: WrappedKeyKind;
  id: string;
  wrapped: string;
}

/**
 * The keys of personal data and retention, in a store of their own (never the event store's):
 * deleting a key here is what erases a member or expires a month. Erasure and expiry leave a
 * tombstone, so that no key is ever made again for what was erased or expired.
 */
export interface KeyStore {
  subjectKeys(keyIds: readonly string[]): Promise<SubjectKeyRecord[]>;
  /** The ids among these that were erased. */
  erasedSubjects(keyIds: readonly string[]): Promise<string[]>;
  /** Stores a new subject key unless one is there (the stored one wins) or the subject was erased. */
  putSubjectKey(record: SubjectKeyRecord): Promise<SubjectKeyRecord | 'erased'>;
  /** Deletes the key and the subject's email-index entries, and records the tombstone; idempotent. True when a key was there. */
  eraseSubject(subject: { keyId: string; scope: string; memberId: string }, erasedAt: string): Promise<boolean>;
  /** Deletes any subject key that has a tombstone (a key written while its subject was being erased); answers how many. */
  sweepErased(): Promise<number>;

  /** Adds an entry; nothing for an erased subject. */
  indexEmail(entry: EmailIndexEntry): Promise<void>;
  /** The members of the scope whose email has this hash. */
  membersByEmail(scope: string, emailHash: string): Promise<string[]>;

  periodKeys(keyIds: readonly string[]): Promise<PeriodKeyRecord[]>;
  putPeriodKey(record: PeriodKeyRecord): Promise<PeriodKeyRecord | 'expired'>;
  /** Every live period key, in (tenant, period) order. */
  listPeriodKeys(): Promise<PeriodKeyRecord[]>;
  expirePeriodKey(keyId: string, expiredAt: string): Promise<boolean>;
  expiredPeriodCount(): Promise<number>;

  getMeta(name: string): Promise<string | undefined>;
  /** Writes unless a value is there: answers the stored one. */
  putMetaIfAbsent(name: string, value: string): Promise<string>;
  setMeta(name: string, value: string): Promise<void>;

  /** Every wrapped key, in (kind, id) order after `after`, for a rewrap. */
  wrappedKeys(after: { kind: WrappedKeyKind; id: string } | undefined, limit: number): Promise<WrappedKeyRef[]>;
  replaceWrapped(ref: WrappedKeyRef): Promise<void>;
  close(): Promise<void>;
}

export const KEY_STORE = Symbol('KEY_STORE');
