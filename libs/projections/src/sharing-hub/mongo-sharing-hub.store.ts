import { AnyBulkWriteOperation, Collection, Db, Document, Filter, Long } from 'mongodb';
import { MongoCheckpoints } from '../mongo/mongo-checkpoints';
import { ensureIndexes, fromBsonDate, fromNullableBsonDate, insertNew, toBsonDate, toNullableBsonDate } from '@app/mongo';
import {
  keyOf,
  NO_SHARING_POLICY,
  SharingHistoryEntry,
  SharingHubDetail,
  SharingHubKey,
  SharingHubKind,
  SharingHubRecord,
  SharingHubView,
  SharingPolicy,
  SharingPolicyChange,
} from './sharing-hub.record';
import { SHARING_HUB_PROJECTOR, SharingHubBatch, SharingHubQuery, SharingHubStore } from './sharing-hub.store';

interface RecordDocument extends Omit<SharingHubRecord, 'lastPosition' | 'createdAt' | 'updatedAt' | 'deletedAt'> {
  _id: string;
  lastPosition: Long;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

interface HistoryDocument extends Omit<SharingHistoryEntry, 'eventId' | 'position' | 'occurredAt'> {
  _id: string;
  position: Long;
  occurredAt: Date;
}

interface PolicyDocument {
  _id: string;
  restrictSharingOutsideOrg: boolean;
  position: Long;
  updatedAt: Date;
}

/** Positions stay Longs (never JS numbers); undefined optional fields are left out rather than stored as null. */
const BSON_OPTIONS = { promoteLongs: false, ignoreUndefined: true } as const;

/**
 * Sharing Hub in MongoDB (or FerretDB): no transactions, so `save` writes history, then policies,
 * then records, each idempotent on its own, and the checkpoint last (see the port).
 */
export class MongoSharingHubStore implements SharingHubStore {
  private readonly records: Collection<RecordDocument>;
  private readonly history: Collection<HistoryDocument>;
  private readonly policies: Collection<PolicyDocument>;
  private readonly checkpoints: MongoCheckpoints;

  constructor(db: Db) {
    this.records = db.collection<RecordDocument>('sharing_hub_records', BSON_OPTIONS);
    this.history = db.collection<HistoryDocument>('sharing_hub_history', BSON_OPTIONS);
    this.policies = db.collection<PolicyDocument>('sharing_hub_policies', BSON_OPTIONS);
    this.checkpoints = new MongoCheckpoints(db);
  }

  /** Indexes for the hub queries and the history lookup; idempotent, run at boot. */
  async ensureIndexes(): Promise<void> {
    const time = { updatedAt: -1, lastPosition: -1 } as const;
    await ensureIndexes(this.records, [
      { key: { orgId: 1, ...time }, name: 'org_time' },
      { key: { orgId: 1, deleted: 1, ...time }, name: 'org_deleted' },
      { key: { orgId: 1, kind: 1, ...time }, name: 'org_kind' },
      { key: { orgId: 1, kind: 1, deleted: 1, ...time }, name: 'org_kind_deleted' },
    ]);
    await ensureIndexes(this.history, [{ key: { orgId: 1, kind: 1, recordId: 1, position: 1 }, name: 'record_history' }]);
  }

  async load(keys: readonly SharingHubKey[]): Promise<SharingHubRecord[]> {
    if (keys.length === 0) return [];
    const docs = await this.records.find({ _id: { $in: keys.map(keyOf) } }).toArray();
    return docs.map(recordFromDocument);
  }

  async save(batch: SharingHubBatch): Promise<void> {
    await insertNew(this.history, batch.history.map(historyToDocument));
    await insertOrReplaceOlder(this.policies, batch.policies.map(policyToDocument), 'position');
    await insertOrReplaceOlder(this.records, batch.records.map(recordToDocument), 'lastPosition');
    await this.checkpoints.advance(SHARING_HUB_PROJECTOR, batch.checkpoint);
  }

  async query(q: SharingHubQuery): Promise<SharingHubView[]> {
    const docs = await this.records.find(filterOf(q), { sort: { updatedAt: -1, lastPosition: -1 }, limit: q.limit }).toArray();
    if (docs.length === 0) return [];
    const policy = await this.policyOf(q.orgId);
    return docs.map((doc) => ({ ...recordFromDocument(doc), sharingPolicy: policy }));
  }

  async get(orgId: string, id: string, kind?: SharingHubKind): Promise<SharingHubDetail | undefined> {
    const kinds: SharingHubKind[] = kind ? [kind] : ['item', 'folder'];
    const docs = await this.records.find({ _id: { $in: kinds.map((k) => keyOf({ kind: k, id })) }, orgId }).toArray();
    const doc = docs.find((d) => d.kind === 'item') ?? docs[0];
    if (!doc) return undefined;
    const history = await this.history.find({ orgId, kind: doc.kind, recordId: id }, { sort: { position: 1 } }).toArray();
    return { ...recordFromDocument(doc), sharingPolicy: await this.policyOf(orgId), history: history.map(historyFromDocument) };
  }

  checkpoint(): Promise<bigint | undefined> {
    return this.checkpoints.get(SHARING_HUB_PROJECTOR);
  }

  async reset(): Promise<void> {
    await this.records.deleteMany({});
    await this.history.deleteMany({});
    await this.policies.deleteMany({});
    await this.checkpoints.clear(SHARING_HUB_PROJECTOR);
  }

  private async policyOf(orgId: string): Promise<SharingPolicy> {
    const doc = await this.policies.findOne({ _id: orgId });
    return doc ? { restrictSharingOutsideOrg: doc.restrictSharingOutsideOrg } : NO_SHARING_POLICY;
  }
}

/**
 * Inserts new documents in one round trip (single updates are slow on FerretDB), then replaces the
 * stored ones only where their `guard` position is lower: an older or equal write changes nothing.
 */
async function insertOrReplaceOlder<T extends Document & { _id: string }>(collection: Collection<T>, docs: T[], guard: keyof T & string) {
  const stored = await insertNew(collection, docs);
  if (stored.length === 0) return;
  await collection.bulkWrite(
    stored.map((i) => {
      const { _id, ...fields } = docs[i];
      const filter = { _id, [guard]: { $lt: docs[i][guard] } } as Filter<T>;
      return { updateOne: { filter, update: { $set: fields as Partial<T> } } } satisfies AnyBulkWriteOperation<T>;
    }),
    { ordered: false },
  );
}

function filterOf(q: SharingHubQuery): Filter<RecordDocument> {
  const and: Filter<RecordDocument>[] = [{ orgId: q.orgId }];
  if (q.kind !== undefined) and.push({ kind: q.kind });
  if (q.deleted !== undefined) and.push({ deleted: q.deleted });
  if (q.window) and.push({ updatedAt: { $gte: toBsonDate(q.window.from), $lt: toBsonDate(q.window.to) } });
  if (q.after) {
    const position = Long.fromBigInt(q.after.position);
    const updatedAt = toBsonDate(q.after.occurredAt);
    and.push({ $or: [{ updatedAt: { $lt: updatedAt } }, { updatedAt, lastPosition: { $lt: position } }] });
  }
  return { $and: and };
}

function recordToDocument(r: SharingHubRecord): RecordDocument {
  return {
    ...r, _id: keyOf(r), lastPosition: Long.fromBigInt(r.lastPosition),
    createdAt: toBsonDate(r.createdAt), updatedAt: toBsonDate(r.updatedAt), deletedAt: toNullableBsonDate(r.deletedAt),
  };
}

function recordFromDocument(doc: RecordDocument): SharingHubRecord {
  const { _id, lastPosition, createdAt, updatedAt, deletedAt, ...rest } = doc;
  return {
    ...rest, lastPosition: BigInt(lastPosition.toString()),
    createdAt: fromBsonDate(createdAt), updatedAt: fromBsonDate(updatedAt), deletedAt: fromNullableBsonDate(deletedAt ?? null),
  };
}

function historyToDocument(e: SharingHistoryEntry): HistoryDocument {
  const { eventId, position, occurredAt, ...rest } = e;
  return { _id: eventId, position: Long.fromBigInt(position), occurredAt: toBsonDate(occurredAt), ...rest };
}

function historyFromDocument(doc: HistoryDocument): SharingHistoryEntry {
  const { _id, position, occurredAt, ...rest } = doc;
  return { eventId: _id, position: BigInt(position.toString()), occurredAt: fromBsonDate(occurredAt), ...rest };
}

function policyToDocument(p: SharingPolicyChange): PolicyDocument {
  return { _id: p.orgId, restrictSharingOutsideOrg: p.restrictSharingOutsideOrg, position: Long.fromBigInt(p.position), updatedAt: toBsonDate(p.occurredAt) };
}
