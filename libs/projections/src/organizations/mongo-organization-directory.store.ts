import { Collection, Db, Filter, Long } from 'mongodb';
import { OrganizationStatus } from '@app/domain';
import { ensureIndexes, fromBsonDate, insertOrReplaceOlder, toBsonDate } from '@app/mongo';
import { MongoCheckpoints } from '../mongo/mongo-checkpoints';
import {
  ORGANIZATION_DIRECTORY_PROJECTOR, OrganizationDirectoryBatch, OrganizationDirectoryStore, OrganizationEntry, OrganizationListQuery,
} from './organization-directory.store';

interface EntryDocument {
  _id: string;
  mspId: string;
  name: string;
  status: string;
  createdAt: Date;
  updatedAt: Date;
  position: Long;
}

/**
 * The organization directory in MongoDB (or FerretDB): no transactions, so `save` writes the entries
 * (each guarded by position) and then the checkpoint; a batch applied again changes nothing.
 */
export class MongoOrganizationDirectoryStore implements OrganizationDirectoryStore {
  private readonly entries: Collection<EntryDocument>;
  private readonly checkpoints: MongoCheckpoints;

  constructor(db: Db) {
    this.entries = db.collection<EntryDocument>('organization_directory', { promoteLongs: false });
    this.checkpoints = new MongoCheckpoints(db);
  }

  /** The index lists use; idempotent, run at boot. */
  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.entries, [{ key: { mspId: 1, _id: 1 }, name: 'msp_org' }]);
  }

  async load(orgIds: readonly string[]): Promise<OrganizationEntry[]> {
    if (orgIds.length === 0) return [];
    return (await this.entries.find({ _id: { $in: [...orgIds] } }).toArray()).map(fromDocument);
  }

  async save(batch: OrganizationDirectoryBatch): Promise<void> {
    await insertOrReplaceOlder(this.entries, batch.entries.map(toDocument), 'position');
    await this.checkpoints.advance(ORGANIZATION_DIRECTORY_PROJECTOR, batch.checkpoint);
  }

  async get(orgId: string): Promise<OrganizationEntry | undefined> {
    const doc = await this.entries.findOne({ _id: orgId });
    return doc ? fromDocument(doc) : undefined;
  }

  async list({ mspId, afterOrgId, limit }: OrganizationListQuery): Promise<OrganizationEntry[]> {
    const filter: Filter<EntryDocument> = afterOrgId === undefined ? { mspId } : { mspId, _id: { $gt: afterOrgId } };
    return (await this.entries.find(filter, { sort: { _id: 1 }, limit }).toArray()).map(fromDocument);
  }

  checkpoint(): Promise<bigint | undefined> {
    return this.checkpoints.get(ORGANIZATION_DIRECTORY_PROJECTOR);
  }

  async reset(): Promise<void> {
    await this.entries.deleteMany({});
    await this.checkpoints.clear(ORGANIZATION_DIRECTORY_PROJECTOR);
  }
}

function toDocument(entry: OrganizationEntry): EntryDocument {
  const { orgId, position, createdAt, updatedAt, ...fields } = entry;
  return { _id: orgId, ...fields, createdAt: toBsonDate(createdAt), updatedAt: toBsonDate(updatedAt), position: Long.fromBigInt(position) };
}

function fromDocument(doc: EntryDocument): OrganizationEntry {
  const { _id, position, status, createdAt, updatedAt, ...fields } = doc;
  return {
    orgId: _id, ...fields, status: status as OrganizationStatus, createdAt: fromBsonDate(createdAt), updatedAt: fromBsonDate(updatedAt),
    position: BigInt(position.toString()),
  };
}
