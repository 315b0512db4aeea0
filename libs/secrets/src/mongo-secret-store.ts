import { Collection, Db, Filter, MongoClient } from 'mongodb';
import { connectMongo, ensureIndexes, insertNew } from '@app/mongo';
import { SecretPosition, SecretStore, StoredSecret } from './secret-store.port';

interface SecretDocument {
  _id: string;
  ownerId: string;
  version: string;
  sealed: string;
  createdAt: string;
}

/**
 * Sealed secrets in MongoDB (or FerretDB), collection `secrets`, for processes that share no
 * DATA_DIR. One document per version; no transactions are needed.
 */
export class MongoSecretStore implements SecretStore {
  private readonly secrets: Collection<SecretDocument>;

  constructor(db: Db, private readonly client?: MongoClient) {
    this.secrets = db.collection<SecretDocument>('secrets');
  }

  static async connect(url: string): Promise<MongoSecretStore> {
    const client = await connectMongo(url);
    const store = new MongoSecretStore(client.db(), client);
    await store.ensureIndexes();
    return store;
  }

  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.secrets, [{ key: { ownerId: 1, version: 1 }, name: 'owner_version' }]);
  }

  async put(secret: StoredSecret): Promise<void> {
    await insertNew(this.secrets, [{ _id: idOf(secret), ...secret }]);
  }

  async get(ownerId: string, version: string): Promise<StoredSecret | undefined> {
    const doc = await this.secrets.findOne({ _id: idOf({ ownerId, version }) });
    return doc ? fromDocument(doc) : undefined;
  }

  async versions(ownerId: string): Promise<StoredSecret[]> {
    return (await this.secrets.find({ ownerId }, { sort: { createdAt: 1, version: 1 } }).toArray()).map(fromDocument);
  }

  async replace(position: SecretPosition, sealed: string): Promise<void> {
    await this.secrets.updateOne({ _id: idOf(position) }, { $set: { sealed } });
  }

  async delete(ownerId: string, versions: readonly string[]): Promise<number> {
    if (versions.length === 0) return 0;
    return (await this.secrets.deleteMany({ _id: { $in: versions.map((version) => idOf({ ownerId, version })) } })).deletedCount;
  }

  async page(after: SecretPosition | undefined, limit: number): Promise<StoredSecret[]> {
    const filter: Filter<SecretDocument> = after
      ? { $or: [{ ownerId: { $gt: after.ownerId } }, { ownerId: after.ownerId, version: { $gt: after.version } }] }
      : {};
    return (await this.secrets.find(filter, { sort: { ownerId: 1, version: 1 }, limit }).toArray()).map(fromDocument);
  }

  async close(): Promise<void> {
    await this.client?.close();
  }
}

/** Ids and versions hold no `/` (UUIDs), so this key is unambiguous. */
function idOf({ ownerId, version }: SecretPosition): string {
  return `${ownerId}/${version}`;
}

function fromDocument(doc: SecretDocument): StoredSecret {
  return { ownerId: doc.ownerId, version: doc.version, sealed: doc.sealed, createdAt: doc.createdAt };
}
