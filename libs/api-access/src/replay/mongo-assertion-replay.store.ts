import { Collection, Db, MongoServerError } from 'mongodb';
import { connectMongo, ensureIndexes } from '@app/mongo';
import { AssertionReplayStore, REPLAY_PURGE_EVERY, ReplayStoreOptions } from './assertion-replay.store';

interface AssertionIdDocument {
  _id: string;
  expiresAt: Date;
}

const DUPLICATE_KEY = 11000;

/**
 * Assertion ids in MongoDB (or FerretDB), shared by scaled-out API processes. The unique _id
 * makes a claim atomic; FerretDB has no TTL indexes, so expired ids are purged now and then.
 */
export class MongoAssertionReplayStore implements AssertionReplayStore {
  private readonly ids: Collection<AssertionIdDocument>;
  private readonly now: () => number;
  private readonly onClose: () => Promise<void>;
  private claims = 0;

  constructor(db: Db, options: ReplayStoreOptions & { onClose?: () => Promise<void> } = {}) {
    this.ids = db.collection<AssertionIdDocument>('assertion_ids');
    this.now = options.now ?? Date.now;
    this.onClose = options.onClose ?? (async () => undefined);
  }

  /** A store on its own client (the database named in the URL), closed with the store. */
  static async connect(url: string): Promise<MongoAssertionReplayStore> {
    const client = await connectMongo(url);
    const store = new MongoAssertionReplayStore(client.db(), { onClose: () => client.close() });
    await store.ensureIndexes().catch(async (error: unknown) => {
      await client.close();
      throw error;
    });
    return store;
  }

  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.ids, [{ key: { expiresAt: 1 }, name: 'expires_at' }]);
  }

  async claim(id: string, expiresAt: number): Promise<boolean> {
    const now = new Date(this.now());
    if (++this.claims % REPLAY_PURGE_EVERY === 0) this.ids.deleteMany({ expiresAt: { $lte: now } }).catch(() => undefined);
    try {
      await this.ids.insertOne({ _id: id, expiresAt: new Date(expiresAt) });
      return true;
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
    }
    // Remembered already: free again only once expired, and then for one claimant.
    const retaken = await this.ids.updateOne({ _id: id, expiresAt: { $lte: now } }, { $set: { expiresAt: new Date(expiresAt) } });
    return retaken.modifiedCount === 1;
  }

  close(): Promise<void> {
    return this.onClose();
  }
}
