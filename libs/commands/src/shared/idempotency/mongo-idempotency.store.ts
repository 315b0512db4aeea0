import { Collection, Db, MongoServerError } from 'mongodb';
import { connectMongo, ensureIndexes, MongoTimeouts } from '@app/mongo';
import {
  BeginOutcome, IDEMPOTENCY_KEY_RETENTION_MS, IDEMPOTENCY_PURGE_EVERY, IdempotencyStore, IdempotencyStoreOptions,
} from './idempotency.store';

interface KeyDocument {
  /** The scope and the key, unambiguously joined. */
  _id: string;
  fingerprint: string;
  /** Null while the first request runs. */
  status: number | null;
  /** The first answer as JSON text (any keys, even ones MongoDB refuses in field names). */
  body: string | null;
  createdAt: Date;
}

const DUPLICATE_KEY = 11000;

/**
 * Idempotency keys in MongoDB (or FerretDB), shared by every API process. The unique _id makes
 * `begin` atomic; FerretDB has no TTL indexes, so expired keys are purged now and then instead.
 */
export class MongoIdempotencyStore implements IdempotencyStore {
  private readonly keys: Collection<KeyDocument>;
  private readonly now: () => number;
  private readonly onClose: () => Promise<void>;
  private calls = 0;

  constructor(db: Db, options: IdempotencyStoreOptions & { onClose?: () => Promise<void> } = {}) {
    this.keys = db.collection<KeyDocument>('idempotency_keys');
    this.now = options.now ?? Date.now;
    this.onClose = options.onClose ?? (async () => undefined);
  }

  /** A store on its own client (the database named in the URL), closed with the store. */
  static async connect(url: string, timeouts?: MongoTimeouts): Promise<MongoIdempotencyStore> {
    const client = await connectMongo(url, timeouts);
    const store = new MongoIdempotencyStore(client.db(), { onClose: () => client.close() });
    await store.ensureIndexes().catch(async (error: unknown) => {
      await client.close();
      throw error;
    });
    return store;
  }

  /** The purge's index; idempotent, run at boot. */
  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.keys, [{ key: { createdAt: 1 }, name: 'created_at' }]);
  }

  async begin(scope: string, key: string, fingerprint: string): Promise<BeginOutcome> {
    // Best effort: a purge that fails is simply tried again later.
    if (++this.calls % IDEMPOTENCY_PURGE_EVERY === 0) this.purgeExpired().catch(() => undefined);
    const _id = idOf(scope, key);
    try {
      await this.keys.insertOne({ _id, fingerprint, status: null, body: null, createdAt: new Date(this.now()) });
      return { kind: 'started' };
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
    }
    const stored = await this.keys.findOne({ _id });
    // Abandoned between our insert and this read: the key is free again.
    if (!stored) return this.begin(scope, key, fingerprint);
    if (stored.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (stored.status === null) return { kind: 'in_progress' };
    return { kind: 'replay', status: stored.status, body: JSON.parse(stored.body ?? 'null') };
  }

  async complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.keys.updateOne({ _id: idOf(scope, key) }, { $set: { status, body: JSON.stringify(body ?? null) } });
  }

  async abandon(scope: string, key: string): Promise<void> {
    await this.keys.deleteOne({ _id: idOf(scope, key) });
  }

  async ping(): Promise<void> {
    await this.keys.findOne({ _id: '' }, { projection: { _id: 1 } });
  }

  close(): Promise<void> {
    return this.onClose();
  }

  /** Forgets keys older than the retention. */
  async purgeExpired(): Promise<void> {
    await this.keys.deleteMany({ createdAt: { $lt: new Date(this.now() - IDEMPOTENCY_KEY_RETENTION_MS) } });
  }
}

function idOf(scope: string, key: string): string {
  return JSON.stringify([scope, key]);
}
