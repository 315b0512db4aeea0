import { Collection, Db, Filter, Long } from 'mongodb';
import { ensureIndexes, fromBsonDate, insertOrReplaceOlder, toBsonDate } from '@app/mongo';
import { MongoCheckpoints } from '../mongo/mongo-checkpoints';
import {
  MEMBER_DIRECTORY_PROJECTORS, MemberDirectoryBatch, MemberDirectoryStore, MemberEntry, memberKey, MemberKey, MemberListQuery, RosterKind,
} from './member-directory.store';

const COLLECTIONS: Record<RosterKind, string> = { msp: 'msp_members', org: 'org_members' };

interface MemberDocument {
  /** JSON of [tenantId, memberId]. */
  _id: string;
  tenantId: string;
  memberId: string;
  email: string;
  emailLc: string;
  name: string | null;
  role: string;
  status: string;
  since: Date;
  updatedAt: Date;
  position: Long;
}

/**
 * A roster in MongoDB (or FerretDB): no transactions, so `save` writes the entries (each guarded by
 * position) and then the checkpoint; a batch applied again changes nothing.
 */
export class MongoMemberDirectoryStore implements MemberDirectoryStore {
  private readonly members: Collection<MemberDocument>;
  private readonly checkpoints: MongoCheckpoints;
  private readonly projector: string;

  constructor(db: Db, readonly kind: RosterKind) {
    this.members = db.collection<MemberDocument>(COLLECTIONS[kind], { promoteLongs: false });
    this.checkpoints = new MongoCheckpoints(db);
    this.projector = MEMBER_DIRECTORY_PROJECTORS[kind];
  }

  /** The index lists use; idempotent, run at boot. */
  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.members, [{ key: { tenantId: 1, emailLc: 1, memberId: 1 }, name: 'tenant_email' }]);
  }

  async load(keys: readonly MemberKey[]): Promise<MemberEntry[]> {
    if (keys.length === 0) return [];
    return (await this.members.find({ _id: { $in: keys.map(memberKey) } }).toArray()).map(fromDocument);
  }

  async save(batch: MemberDirectoryBatch): Promise<void> {
    await insertOrReplaceOlder(this.members, batch.entries.map(toDocument), 'position');
    await this.checkpoints.advance(this.projector, batch.checkpoint);
  }

  async list({ tenantId, after, limit }: MemberListQuery): Promise<MemberEntry[]> {
    const filter: Filter<MemberDocument> = after
      ? {
          tenantId,
          $or: [{ emailLc: { $gt: after.email.toLowerCase() } }, { emailLc: after.email.toLowerCase(), memberId: { $gt: after.memberId } }],
        }
      : { tenantId };
    const docs = await this.members.find(filter, { sort: { emailLc: 1, memberId: 1 }, limit }).toArray();
    return docs.map(fromDocument);
  }

  checkpoint(): Promise<bigint | undefined> {
    return this.checkpoints.get(this.projector);
  }

  async reset(): Promise<void> {
    await this.members.deleteMany({});
    await this.checkpoints.clear(this.projector);
  }
}

function toDocument(entry: MemberEntry): MemberDocument {
  const { position, since, updatedAt, ...fields } = entry;
  return {
    _id: memberKey(entry), ...fields, emailLc: entry.email.toLowerCase(), since: toBsonDate(since), updatedAt: toBsonDate(updatedAt),
    position: Long.fromBigInt(position),
  };
}

function fromDocument(doc: MemberDocument): MemberEntry {
  const { tenantId, memberId, email, name, role, status, since, updatedAt, position } = doc;
  return {
    tenantId, memberId, email, name, role, status, since: fromBsonDate(since), updatedAt: fromBsonDate(updatedAt),
    position: BigInt(position.toString()),
  };
}
