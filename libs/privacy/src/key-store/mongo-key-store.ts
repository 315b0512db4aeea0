import { Collection, Db, MongoClient } from 'mongodb';
import { connectMongo, ensureIndexes, insertNew } from '@app/mongo';
import {
  EmailIndexEntry, KeyStore, PeriodKeyRecord, SubjectKeyRecord, WrappedKeyKind, WrappedKeyRef,
} from './key-store.port';
import { WRAPPED_META_PREFIX } from './sqlite-key-store';

type SubjectDoc = Omit<SubjectKeyRecord, 'keyId'> & { _id: string };
type TombstoneDoc = { _id: string; scope: string; memberId: string; erasedAt: string };
type IndexDoc = EmailIndexEntry & { _id: string };
type PeriodDoc = Omit<PeriodKeyRecord, 'keyId'> & { _id: string };
type ExpiredDoc = { _id: string; tenant: string; period: string; expiredAt: string };
type MetaDoc = { _id: string; value: string };

/**
 * The key store in MongoDB (or FerretDB) for processes that share no DATA_DIR. No transactions:
 * an erasure writes its tombstone first, then deletes the index entries and the key, so a crash
 * in between leaves a tombstone that sweepErased (at boot, after each erasure) completes; a key
 * written while its subject was being erased is swept the same way.
 */
export class MongoKeyStore implements KeyStore {
  private readonly subjects: Collection<SubjectDoc>;
  private readonly tombstones: Collection<TombstoneDoc>;
  private readonly emails: Collection<IndexDoc>;
  private readonly periods: Collection<PeriodDoc>;
  private readonly expired: Collection<ExpiredDoc>;
  private readonly meta: Collection<MetaDoc>;

  constructor(db: Db, private readonly client?: MongoClient) {
    this.subjects = db.collection('personal_data_keys');
    this.tombstones = db.collection('erased_subjects');
    this.emails = db.collection('personal_email_index');
    this.periods = db.collection('retention_keys');
    this.expired = db.collection('expired_retention_keys');
    this.meta = db.collection('privacy_meta');
  }

  static async connect(url: string): Promise<MongoKeyStore> {
    const client = await connectMongo(url);
    const store = new MongoKeyStore(client.db(), client);
    await store.ensureIndexes();
    return store;
  }

  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.emails, [
      { key: { scope: 1, emailHash: 1 }, name: 'scope_email' },
      { key: { keyId: 1 }, name: 'email_key' },
    ]);
    await ensureIndexes(this.periods, [{ key: { tenant: 1, period: 1 }, name: 'tenant_period' }]);
  }

  async subjectKeys(keyIds: readonly string[]): Promise<SubjectKeyRecord[]> {
    if (keyIds.length === 0) return [];
    return (await this.subjects.find({ _id: { $in: [...keyIds] } }).toArray()).map(fromSubject);
  }

  async erasedSubjects(keyIds: readonly string[]): Promise<string[]> {
    if (keyIds.length === 0) return [];
    return (await this.tombstones.find({ _id: { $in: [...keyIds] } }, { projection: { _id: 1 } }).toArray()).map((d) => d._id);
  }

  async putSubjectKey(record: SubjectKeyRecord): Promise<SubjectKeyRecord | 'erased'> {
    if ((await this.erasedSubjects([record.keyId])).length > 0) return 'erased';
    const { keyId, ...rest } = record;
    await insertNew(this.subjects, [{ _id: keyId, ...rest }]);
    const [stored] = await this.subjectKeys([keyId]);
    return stored ?? 'erased';
  }

  async eraseSubject(subject: { keyId: string; scope: string; memberId: string }, erasedAt: string): Promise<boolean> {
    await insertNew(this.tombstones, [{ _id: subject.keyId, scope: subject.scope, memberId: subject.memberId, erasedAt }]);
    await this.emails.deleteMany({ keyId: subject.keyId });
    return (await this.subjects.deleteOne({ _id: subject.keyId })).deletedCount > 0;
  }

  async sweepErased(): Promise<number> {
    const keyIds = (await this.subjects.find({}, { projection: { _id: 1 } }).toArray()).map((d) => d._id);
    const erased = await this.erasedSubjects(keyIds);
    if (erased.length === 0) return 0;
    await this.emails.deleteMany({ keyId: { $in: erased } });
    return (await this.subjects.deleteMany({ _id: { $in: erased } })).deletedCount;
  }

  async indexEmail(entry: EmailIndexEntry): Promise<void> {
    if ((await this.erasedSubjects([entry.keyId])).length > 0) return;
    await insertNew(this.emails, [{ _id: `${entry.scope}|${entry.emailHash}|${entry.keyId}`, ...entry }]);
  }

  async membersByEmail(scope: string, emailHash: string): Promise<string[]> {
    const docs = await this.emails.find({ scope, emailHash }).toArray();
    return [...new Set(docs.map((d) => d.memberId))].sort();
  }

  async periodKeys(keyIds: readonly string[]): Promise<PeriodKeyRecord[]> {
    if (keyIds.length === 0) return [];
    return (await this.periods.find({ _id: { $in: [...keyIds] } }).toArray()).map(fromPeriod);
  }

  async putPeriodKey(record: PeriodKeyRecord): Promise<PeriodKeyRecord | 'expired'> {
    if (await this.expired.findOne({ _id: record.keyId })) return 'expired';
    const { keyId, ...rest } = record;
    await insertNew(this.periods, [{ _id: keyId, ...rest }]);
    const [stored] = await this.periodKeys([keyId]);
    return stored ?? 'expired';
  }

  async listPeriodKeys(): Promise<PeriodKeyRecord[]> {
    return (await this.periods.find({}, { sort: { tenant: 1, period: 1 } }).toArray()).map(fromPeriod);
  }

  async expirePeriodKey(keyId: string, expiredAt: string): Promise<boolean> {
    const doc = await this.periods.findOne({ _id: keyId });
    if (!doc) return false;
    await insertNew(this.expired, [{ _id: keyId, tenant: doc.tenant, period: doc.period, expiredAt }]);
    return (await this.periods.deleteOne({ _id: keyId })).deletedCount > 0;
  }

  async expiredPeriodCount(): Promise<number> {
    return this.expired.countDocuments();
  }

  async getMeta(name: string): Promise<string | undefined> {
    return (await this.meta.findOne({ _id: name }))?.value;
  }

  async putMetaIfAbsent(name: string, value: string): Promise<string> {
    await insertNew(this.meta, [{ _id: name, value }]);
    return (await this.getMeta(name))!;
  }

  async setMeta(name: string, value: string): Promise<void> {
    await this.meta.updateOne({ _id: name }, { $set: { value } }, { upsert: true });
  }

  async wrappedKeys(after: { kind: WrappedKeyKind; id: string } | undefined, limit: number): Promise<WrappedKeyRef[]> {
    const refs: WrappedKeyRef[] = [];
    const kinds: WrappedKeyKind[] = ['meta', 'period', 'subject'];
    for (const kind of kinds.slice(after ? kinds.indexOf(after.kind) : 0)) {
      const from = after?.kind === kind ? after.id : '';
      const collection = (kind === 'meta' ? this.meta : kind === 'period' ? this.periods : this.subjects) as unknown as Collection<{
        _id: string; wrapped?: string; value?: string;
      }>;
      // Meta holds checkpoints and statuses beside wrapped keys: only names with the prefix are keys.
      const docs = await collection.find({ _id: { $gt: from } }, { sort: { _id: 1 }, ...(kind !== 'meta' && { limit: limit - refs.length }) }).toArray();
      const keys = docs.filter((d) => kind !== 'meta' || d._id.startsWith(WRAPPED_META_PREFIX)).slice(0, limit - refs.length);
      refs.push(...keys.map((d) => ({ kind, id: d._id, wrapped: (d.wrapped ?? d.value)! })));
      if (refs.length >= limit) break;
    }
    return refs;
  }

  async replaceWrapped({ kind, id, wrapped }: WrappedKeyRef): Promise<void> {
    if (kind === 'meta') await this.meta.updateOne({ _id: id }, { $set: { value: wrapped } });
    else if (kind === 'period') await this.periods.updateOne({ _id: id }, { $set: { wrapped } });
    else await this.subjects.updateOne({ _id: id }, { $set: { wrapped } });
  }

  async close(): Promise<void> {
    await this.client?.close();
  }
}

const fromSubject = ({ _id, ...d }: SubjectDoc): SubjectKeyRecord => ({ keyId: _id, scope: d.scope, memberId: d.memberId, wrapped: d.wrapped, createdAt: d.createdAt });
const fromPeriod = ({ _id, ...d }: PeriodDoc): PeriodKeyRecord => ({ keyId: _id, tenant: d.tenant, period: d.period, wrapped: d.wrapped, createdAt: d.createdAt });
