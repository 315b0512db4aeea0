import { Collection, Db, Filter, Long } from 'mongodb';
import { IntegrationKind, IntegrationSettings } from '@app/domain';
import { ensureIndexes, insertOrReplaceOlder } from '@app/mongo';
import { MongoCheckpoints } from '../mongo/mongo-checkpoints';
import {
  DeliveryState, DeliveryStatus, INTEGRATIONS_PROJECTOR, IntegrationEntry, IntegrationKindQuery, IntegrationListQuery, IntegrationsBatch,
  IntegrationsStore,
} from './integrations.store';

interface EntryDocument {
  _id: string;
  streamId: string;
  ownerType: string;
  mspId: string | null;
  orgId: string | null;
  kind: string;
  name: string;
  settings: IntegrationSettings;
  secretLast4: string | null;
  secretVersion: string | null;
  status: string;
  setUpPosition: Long;
  createdAt: string;
  updatedAt: string;
  position: Long;
}

interface DeliveryDocument {
  _id: string;
  state: string;
  configPosition: Long;
  lastSuccessAt: string | null;
  lastError: { message: string; at: string } | null;
  eventsSent: number;
  bytesSent: number;
  updatedAt: string;
}

/**
 * The integrations view in MongoDB (or FerretDB): no transactions, so `save` writes the entries
 * (each guarded by position), then the checkpoint; a batch applied again changes nothing.
 */
export class MongoIntegrationsStore implements IntegrationsStore {
  private readonly entries: Collection<EntryDocument>;
  private readonly delivery: Collection<DeliveryDocument>;
  private readonly checkpoints: MongoCheckpoints;

  constructor(db: Db) {
    this.entries = db.collection<EntryDocument>('integrations', { promoteLongs: false });
    this.delivery = db.collection<DeliveryDocument>('integration_deliveries', { promoteLongs: false });
    this.checkpoints = new MongoCheckpoints(db);
  }

  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.entries, [
      { key: { ownerType: 1, mspId: 1, _id: 1 }, name: 'owner_msp' },
      { key: { ownerType: 1, orgId: 1, _id: 1 }, name: 'owner_org' },
      { key: { kind: 1, _id: 1 }, name: 'kind' },
    ]);
  }

  async load(ids: readonly string[]): Promise<IntegrationEntry[]> {
    if (ids.length === 0) return [];
    return (await this.entries.find({ _id: { $in: [...ids] } }).toArray()).map(fromDocument);
  }

  async save(batch: IntegrationsBatch): Promise<void> {
    await insertOrReplaceOlder(this.entries, batch.entries.map(toDocument), 'position');
    await this.checkpoints.advance(INTEGRATIONS_PROJECTOR, batch.checkpoint);
  }

  async get(integrationId: string): Promise<IntegrationEntry | undefined> {
    const doc = await this.entries.findOne({ _id: integrationId });
    return doc ? fromDocument(doc) : undefined;
  }

  async list({ owner, afterId, limit }: IntegrationListQuery): Promise<IntegrationEntry[]> {
    const filter: Filter<EntryDocument> =
      owner.mspId !== undefined ? { ownerType: 'msp', mspId: owner.mspId } : { ownerType: 'organization', orgId: owner.orgId };
    return this.page({ ...filter, ...(afterId !== undefined && { _id: { $gt: afterId } }) }, limit);
  }

  async listByKind({ kinds, afterId, limit }: IntegrationKindQuery): Promise<IntegrationEntry[]> {
    if (kinds.length === 0) return [];
    return this.page({ kind: { $in: [...kinds] }, ...(afterId !== undefined && { _id: { $gt: afterId } }) }, limit);
  }

  checkpoint(): Promise<bigint | undefined> {
    return this.checkpoints.get(INTEGRATIONS_PROJECTOR);
  }

  async reset(): Promise<void> {
    await this.entries.deleteMany({});
    await this.checkpoints.clear(INTEGRATIONS_PROJECTOR);
  }

  async saveDelivery(status: DeliveryStatus): Promise<void> {
    const { integrationId, configPosition, ...fields } = status;
    await this.delivery.updateOne({ _id: integrationId }, { $set: { ...fields, configPosition: Long.fromBigInt(configPosition) } }, { upsert: true });
  }

  async deliveries(integrationIds: readonly string[]): Promise<DeliveryStatus[]> {
    if (integrationIds.length === 0) return [];
    return (await this.delivery.find({ _id: { $in: [...integrationIds] } }).toArray()).map(({ _id, configPosition, state, ...fields }) => ({
      integrationId: _id, ...fields, state: state as DeliveryState, configPosition: BigInt(configPosition.toString()),
    }));
  }

  private async page(filter: Filter<EntryDocument>, limit: number): Promise<IntegrationEntry[]> {
    return (await this.entries.find(filter, { sort: { _id: 1 }, limit }).toArray()).map(fromDocument);
  }
}

function toDocument(entry: IntegrationEntry): EntryDocument {
  const { integrationId, owner, setUpPosition, position, ...fields } = entry;
  return {
    _id: integrationId, ...fields, ownerType: owner.type, mspId: owner.mspId, orgId: owner.type === 'organization' ? owner.orgId : null,
    setUpPosition: Long.fromBigInt(setUpPosition), position: Long.fromBigInt(position),
  };
}

function fromDocument(doc: EntryDocument): IntegrationEntry {
  const { _id, ownerType, mspId, orgId, kind, status, setUpPosition, position, ...fields } = doc;
  const owner: IntegrationEntry['owner'] = ownerType === 'msp' ? { type: 'msp', mspId: mspId as string } : { type: 'organization', orgId: orgId as string, mspId };
  return {
    integrationId: _id, ...fields, owner, kind: kind as IntegrationKind, status: status as IntegrationEntry['status'],
    setUpPosition: BigInt(setUpPosition.toString()), position: BigInt(position.toString()),
  };
}
