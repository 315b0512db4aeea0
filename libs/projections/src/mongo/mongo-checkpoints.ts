import { Collection, Db, Long } from 'mongodb';

interface CheckpointDocument {
  _id: string;
  position: Long;
}

/** Per-projector checkpoints in MongoDB; `$max` keeps them from moving backwards. */
export class MongoCheckpoints {
  private readonly collection: Collection<CheckpointDocument>;

  constructor(db: Db) {
    this.collection = db.collection<CheckpointDocument>('checkpoints');
  }

  async get(projector: string): Promise<bigint | undefined> {
    const doc = await this.collection.findOne({ _id: projector }, { promoteLongs: false });
    return doc ? BigInt(doc.position.toString()) : undefined;
  }

  async advance(projector: string, position: bigint): Promise<void> {
    await this.collection.updateOne({ _id: projector }, { $max: { position: Long.fromBigInt(position) } }, { upsert: true });
  }

  async clear(projector: string): Promise<void> {
    await this.collection.deleteOne({ _id: projector });
  }
}
