import { Collection, Db, Filter, Long } from 'mongodb';
import { ActivityEntry } from './activity-entry';
import { ActivityLogQuery, ActivityLogStore, ActivityTailQuery } from './activity-log.store';
import { MongoCheckpoints } from '../mongo/mongo-checkpoints';
import { ensureIndexes, insertNew } from '@app/mongo';

const PROJECTOR = 'activity-log';

interface EntryDocument extends Omit<ActivityEntry, 'eventId' | 'position'> {
  _id: string;
  position: Long;
  initiatorEmailLc: string | null;
}

/**
 * Activity entries in MongoDB (or FerretDB): no transactions, so every write is idempotent by
 * event id (duplicate _ids are skipped) and the checkpoint ($max) is written after the batch.
 */
export class MongoActivityLogStore implements ActivityLogStore {
  private readonly entries: Collection<EntryDocument>;
  private readonly checkpoints: MongoCheckpoints;

  constructor(db: Db) {
    this.entries = db.collection<EntryDocument>('activity_entries');
    this.checkpoints = new MongoCheckpoints(db);
  }

  /** Indexes for every filter the logs offer; idempotent, run at boot. */
  async ensureIndexes(): Promise<void> {
    const time = { occurredAt: -1, position: -1 } as const;
    await ensureIndexes(this.entries, [
      { key: { mspId: 1, ...time }, name: 'msp_time' },
      { key: { mspId: 1, category: 1, ...time }, name: 'msp_category' },
      { key: { mspId: 1, initiatorEmailLc: 1, ...time }, name: 'msp_email' },
      { key: { mspId: 1, orgId: 1, ...time }, name: 'msp_org' },
      { key: { orgId: 1, ...time }, name: 'org_time' },
      { key: { orgId: 1, 'initiator.id': 1, ...time }, name: 'org_member' },
      { key: { orgId: 1, initiatorEmailLc: 1, ...time }, name: 'org_email' },
      { key: { orgId: 1, 'item.id': 1, ...time }, name: 'org_item' },
      { key: { mspId: 1, position: 1 }, name: 'msp_position' },
      { key: { orgId: 1, position: 1 }, name: 'org_position' },
    ]);
  }

  async applyBatch(entries: ActivityEntry[], checkpoint: bigint): Promise<void> {
    await insertNew(this.entries, entries.map(toDocument)); // entries never change: a stored id is already right
    await this.checkpoints.advance(PROJECTOR, checkpoint);
  }

  async query(q: ActivityLogQuery): Promise<ActivityEntry[]> {
    const docs = await this.entries
      .find(filterOf(q), { sort: { occurredAt: -1, position: -1 }, limit: q.limit, promoteLongs: false })
      .toArray();
    return docs.map(fromDocument);
  }

  async tail(q: ActivityTailQuery): Promise<ActivityEntry[]> {
    const and = scopeOf(q);
    if (q.afterPosition !== undefined) and.push({ position: { $gt: Long.fromBigInt(q.afterPosition) } });
    const docs = await this.entries.find({ $and: and }, { sort: { position: 1 }, limit: q.limit, promoteLongs: false }).toArray();
    return docs.map(fromDocument);
  }

  checkpoint(): Promise<bigint | undefined> {
    return this.checkpoints.get(PROJECTOR);
  }

  async reset(): Promise<void> {
    await this.entries.deleteMany({});
    await this.checkpoints.clear(PROJECTOR);
  }
}

function scopeOf(q: Pick<ActivityLogQuery, 'scope' | 'categories'>): Filter<EntryDocument>[] {
  const and: Filter<EntryDocument>[] = [];
  if (q.scope.mspId !== undefined) and.push({ mspId: q.scope.mspId });
  if (q.scope.orgId !== undefined) and.push({ orgId: q.scope.orgId });
  if (q.categories) and.push({ category: { $in: [...q.categories] } });
  return and;
}

function filterOf(q: ActivityLogQuery): Filter<EntryDocument> {
  const and = [...scopeOf(q), { occurredAt: { $gte: q.window.from, $lt: q.window.to } }] as Filter<EntryDocument>[];
  if (q.category !== undefined) and.push({ category: q.category });
  if (q.organizationId !== undefined) and.push({ orgId: q.organizationId });
  if (q.memberEmail !== undefined) and.push({ initiatorEmailLc: q.memberEmail.toLowerCase() });
  if (q.memberId !== undefined) and.push({ 'initiator.id': q.memberId });
  if (q.itemId !== undefined) and.push({ 'item.id': q.itemId });
  if (q.after) {
    const position = Long.fromBigInt(q.after.position);
    and.push({ $or: [{ occurredAt: { $lt: q.after.occurredAt } }, { occurredAt: q.after.occurredAt, position: { $lt: position } }] });
  }
  return { $and: and };
}

function toDocument(e: ActivityEntry): EntryDocument {
  const { eventId, position, ...rest } = e;
  return { _id: eventId, position: Long.fromBigInt(position), initiatorEmailLc: e.initiator.email?.toLowerCase() ?? null, ...rest };
}

function fromDocument(doc: EntryDocument): ActivityEntry {
  const { _id, position, initiatorEmailLc: _lc, ...rest } = doc;
  return { eventId: _id, position: BigInt(position.toString()), ...rest };
}
