import { Collection, Db, Filter, Long } from 'mongodb';
import { EcPublicJwk } from '@app/domain';
import { ensureIndexes, fromBsonDate, fromNullableBsonDate, insertOrReplaceOlder, toBsonDate, toNullableBsonDate } from '@app/mongo';
import { MongoCheckpoints } from '../mongo/mongo-checkpoints';
import {
  CREDENTIALS_PROJECTOR, CredentialEntry, CredentialKind, CredentialListQuery, CredentialRecord, CredentialsBatch, CredentialScope,
  CredentialsStore,
} from './credentials.store';

interface CredentialDocument {
  _id: string;
  kind: string;
  mspId: string | null;
  orgId: string | null;
  name: string;
  status: string;
  scope: string;
  algorithm: string | null;
  publicKey: EcPublicJwk | null;
  thumbprint: string | null;
  tokenHash: string | null;
  expiresAt: Date | null;
  createdBy: string;
  createdAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
  position: Long;
}

interface UsageDocument {
  _id: string;
  lastUsedAt: Date;
}

/**
 * The credential directory in MongoDB (or FerretDB): no transactions, so `save` writes the records
 * (each guarded by position), then the checkpoint; a batch applied again changes nothing.
 */
export class MongoCredentialsStore implements CredentialsStore {
  private readonly records: Collection<CredentialDocument>;
  private readonly usage: Collection<UsageDocument>;
  private readonly checkpoints: MongoCheckpoints;

  constructor(db: Db) {
    this.records = db.collection<CredentialDocument>('credentials', { promoteLongs: false });
    this.usage = db.collection<UsageDocument>('credential_usage');
    this.checkpoints = new MongoCheckpoints(db);
  }

  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.records, [
      { key: { tokenHash: 1 }, name: 'token_hash' },
      { key: { kind: 1, mspId: 1, _id: 1 }, name: 'kind_msp' },
      { key: { kind: 1, orgId: 1, _id: 1 }, name: 'kind_org' },
    ]);
  }

  async load(ids: readonly string[]): Promise<CredentialRecord[]> {
    if (ids.length === 0) return [];
    return (await this.records.find({ _id: { $in: [...ids] } }).toArray()).map(fromDocument);
  }

  async save(batch: CredentialsBatch): Promise<void> {
    await insertOrReplaceOlder(this.records, batch.entries.map(toDocument), 'position');
    await this.checkpoints.advance(CREDENTIALS_PROJECTOR, batch.checkpoint);
  }

  async get(id: string): Promise<CredentialEntry | undefined> {
    return (await this.withUse(this.records.find({ _id: id }).toArray()))[0];
  }

  async findByTokenHash(tokenHash: string): Promise<CredentialEntry | undefined> {
    return (await this.withUse(this.records.find({ tokenHash }).limit(1).toArray()))[0];
  }

  async list({ kind, tenant, afterId, limit }: CredentialListQuery): Promise<CredentialEntry[]> {
    const filter: Filter<CredentialDocument> = tenant.mspId !== undefined ? { kind, mspId: tenant.mspId } : { kind, orgId: tenant.orgId };
    if (afterId !== undefined) filter._id = { $gt: afterId };
    return this.withUse(this.records.find(filter, { sort: { _id: 1 }, limit }).toArray());
  }

  async recordUse(id: string, at: string): Promise<void> {
    await this.usage.updateOne({ _id: id }, { $max: { lastUsedAt: toBsonDate(at) } }, { upsert: true });
  }

  checkpoint(): Promise<bigint | undefined> {
    return this.checkpoints.get(CREDENTIALS_PROJECTOR);
  }

  async reset(): Promise<void> {
    await this.records.deleteMany({});
    await this.checkpoints.clear(CREDENTIALS_PROJECTOR);
  }

  /** Last uses live in their own collection (FerretDB has no $lookup): one more query for the page. */
  private async withUse(found: Promise<CredentialDocument[]>): Promise<CredentialEntry[]> {
    const docs = await found;
    if (docs.length === 0) return [];
    const uses = await this.usage.find({ _id: { $in: docs.map((d) => d._id) } }).toArray();
    const lastUse = new Map(uses.map((u) => [u._id, fromBsonDate(u.lastUsedAt)]));
    return docs.map((doc) => ({ ...fromDocument(doc), lastUsedAt: lastUse.get(doc._id) ?? null }));
  }
}

function toDocument(r: CredentialRecord): CredentialDocument {
  const { id, expiresAt, createdAt, rotatedAt, revokedAt, position, ...fields } = r;
  return {
    _id: id, ...fields, expiresAt: toNullableBsonDate(expiresAt), createdAt: toBsonDate(createdAt), rotatedAt: toNullableBsonDate(rotatedAt),
    revokedAt: toNullableBsonDate(revokedAt), position: Long.fromBigInt(position),
  };
}

function fromDocument(doc: CredentialDocument): CredentialRecord {
  const { _id, kind, status, scope, expiresAt, createdAt, rotatedAt, revokedAt, position, ...fields } = doc;
  return {
    id: _id, ...fields, kind: kind as CredentialKind, status: status as CredentialRecord['status'], scope: scope as CredentialScope,
    expiresAt: fromNullableBsonDate(expiresAt), createdAt: fromBsonDate(createdAt), rotatedAt: fromNullableBsonDate(rotatedAt),
    revokedAt: fromNullableBsonDate(revokedAt), position: BigInt(position.toString()),
  };
}
