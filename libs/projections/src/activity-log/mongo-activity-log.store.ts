import { Collection, Db, Filter, Long } from 'mongodb';
import { ActivityEntry } from './activity-entry';
import {
  ACTIVITY_INDEX_NAMES,
  ACTIVITY_INDEXES,
  ActivityEquality,
  ActivityField,
  ActivityIndexName,
  equalitiesOf,
  INDEX_CATEGORIES,
  indexFor,
  NEWEST_FIRST,
  scopeEqualities,
  TAIL_ORDER,
  WINDOW_FIELD,
} from './activity-log.indexes';
import { ActivityLogQuery, ActivityLogStore, ActivityTailQuery } from './activity-log.store';
import { MongoCheckpoints } from '../mongo/mongo-checkpoints';
import { ensureIndexes, fromBsonDate, insertNew, toBsonDate } from '@app/mongo';

const PROJECTOR = 'activity-log';

/** The spec's fields as document paths. Personal values are stored sealed. */
const PATHS: Record<ActivityField, string> = {
  mspId: 'mspId',
  orgId: 'orgId',
  category: 'category',
  'initiator.id': 'initiator.id',
  'item.id': 'item.id',
  occurredAt: 'occurredAt',
  position: 'position',
};

/**
 * FerretDB refuses `partialFilterExpression`, so an index restricted to some categories keys the
 * category after the equalities instead: MongoDB then reads each category's range in order and
 * merges them for the sort (the query's `category $in` is exactly those categories).
 */
const keyFields = (name: ActivityIndexName, fields: readonly ActivityField[]): readonly ActivityField[] => {
  if (!INDEX_CATEGORIES[name]) return fields;
  const pinned = fields.slice(0, fields.length - NEWEST_FIRST.length);
  return [...pinned, 'category', ...NEWEST_FIRST];
};

/** Ascending keys: an index serves a descending sort as well, read backwards. */
const INDEX_SPECS = (Object.entries(ACTIVITY_INDEXES) as [ActivityIndexName, readonly ActivityField[]][]).map(([name, fields]) => ({
  name,
  key: Object.fromEntries(keyFields(name, fields).map((f) => [PATHS[f], 1 as const])),
}));

/**
 * Indexes dropped at boot: the names these had before MongoDB took SQLite's (msp_time, …), and the
 * email indexes of before emails were sealed.
 */
const FORMER_NAMES = [...ACTIVITY_INDEX_NAMES.map((name) => name.replace(/^activity_/, '')), 'activity_msp_email', 'activity_org_email', 'msp_email', 'org_email'];

const NEWEST_FIRST_SORT = Object.fromEntries(NEWEST_FIRST.map((f) => [PATHS[f], -1 as const]));

interface EntryDocument extends Omit<ActivityEntry, 'eventId' | 'position' | 'occurredAt'> {
  _id: string;
  position: Long;
  occurredAt: Date;
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

  /** The spec's indexes; idempotent, run at boot. An upgraded database loses the former ones first. */
  async ensureIndexes(): Promise<void> {
    await this.dropIndexes(FORMER_NAMES);
    await ensureIndexes(this.entries, INDEX_SPECS);
  }

  async applyBatch(entries: ActivityEntry[], checkpoint: bigint): Promise<void> {
    await insertNew(this.entries, entries.map(toDocument)); // entries never change: a stored id is already right
    await this.checkpoints.advance(PROJECTOR, checkpoint);
  }

  async query(q: ActivityLogQuery): Promise<ActivityEntry[]> {
    const options = { sort: NEWEST_FIRST_SORT, limit: q.limit, hint: indexFor(q), promoteLongs: false };
    const docs = await this.entries.find(filterOf(q), options).toArray();
    return docs.map(fromDocument);
  }

  async tail(q: ActivityTailQuery): Promise<ActivityEntry[]> {
    const and = scoped(scopeEqualities(q.scope), q.categories);
    if (q.afterPosition !== undefined) and.push({ [PATHS[TAIL_ORDER]]: { $gt: Long.fromBigInt(q.afterPosition) } });
    const docs = await this.entries.find({ $and: and }, { sort: { [PATHS[TAIL_ORDER]]: 1 }, limit: q.limit, promoteLongs: false }).toArray();
    return docs.map(fromDocument);
  }

  checkpoint(): Promise<bigint | undefined> {
    return this.checkpoints.get(PROJECTOR);
  }

  async retentionTenants(): Promise<{ mspId: string | null; orgId: string | null }[]> {
    const groups = await this.entries.aggregate<{ _id: { mspId?: string | null; orgId?: string | null } }>([
      { $group: { _id: { mspId: '$mspId', orgId: '$orgId' } } },
    ]).toArray();
    return groups.map(({ _id }) => ({ mspId: _id.mspId ?? null, orgId: _id.orgId ?? null }));
  }

  async deleteBefore(tenant: { mspId: string | null; orgId: string | null }, before: string): Promise<number> {
    const { deletedCount } = await this.entries.deleteMany({ mspId: tenant.mspId, orgId: tenant.orgId, occurredAt: { $lt: toBsonDate(before) } });
    return deletedCount;
  }

  async reset(): Promise<void> {
    await this.entries.deleteMany({});
    await this.checkpoints.clear(PROJECTOR);
  }

  private async dropIndexes(names: readonly string[]): Promise<void> {
    const existing = await this.entries.listIndexes().toArray().catch(() => []);
    for (const { name } of existing) if (names.includes(name)) await this.entries.dropIndex(name);
  }
}

/** The equalities, then the log's categories: every query and tail starts from these. */
function scoped(equalities: ActivityEquality[], categories: ActivityLogQuery['categories']): Filter<EntryDocument>[] {
  const and: Filter<EntryDocument>[] = equalities.map(({ field, value }) => ({ [PATHS[field]]: typeof value === 'string' ? value : { $in: [...value] } }));
  if (categories) and.push({ [PATHS.category]: { $in: [...categories] } });
  return and;
}

function filterOf(q: ActivityLogQuery): Filter<EntryDocument> {
  const and = scoped(equalitiesOf(q), q.categories);
  and.push({ [PATHS[WINDOW_FIELD]]: { $gte: toBsonDate(q.window.from), $lt: toBsonDate(q.window.to) } });
  if (q.after) {
    // Strictly older in NEWEST_FIRST order: an earlier time, or the same time and a lower position.
    const [time, position] = NEWEST_FIRST.map((f) => PATHS[f]);
    const occurredAt = toBsonDate(q.after.occurredAt);
    and.push({ $or: [{ [time]: { $lt: occurredAt } }, { [time]: occurredAt, [position]: { $lt: Long.fromBigInt(q.after.position) } }] });
  }
  if (q.upToPosition !== undefined) and.push({ [PATHS.position]: { $lte: Long.fromBigInt(q.upToPosition) } });
  return { $and: and };
}

function toDocument(e: ActivityEntry): EntryDocument {
  const { eventId, position, occurredAt, ...rest } = e;
  return {
    _id: eventId, position: Long.fromBigInt(position), occurredAt: toBsonDate(occurredAt), ...rest,
  };
}

function fromDocument(doc: EntryDocument): ActivityEntry {
  const { _id, position, occurredAt, ...rest } = doc as EntryDocument & { initiatorEmailLc?: unknown };
  delete (rest as { initiatorEmailLc?: unknown }).initiatorEmailLc;
  return { eventId: _id, position: BigInt(position.toString()), occurredAt: fromBsonDate(occurredAt), ...rest };
}
