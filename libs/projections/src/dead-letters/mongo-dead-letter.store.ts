import { Collection, Db, Long } from 'mongodb';
import { cutErrorMessage, DeadLetter, DeadLetterStore } from './dead-letter.store';

interface Document extends Omit<DeadLetter, 'position'> {
  /** The view and the event, unambiguously joined. */
  _id: string;
  position: Long;
}

/** Dead letters in MongoDB (or FerretDB), beside the views; one document per view and event. */
export class MongoDeadLetterStore implements DeadLetterStore {
  private readonly letters: Collection<Document>;

  constructor(db: Db) {
    this.letters = db.collection<Document>('dead_letters');
  }

  async record(letter: DeadLetter): Promise<void> {
    const doc = { ...letter, error: cutErrorMessage(letter.error), position: Long.fromBigInt(letter.position) };
    await this.letters.replaceOne({ _id: idOf(letter.projector, letter.eventId) }, doc, { upsert: true });
  }

  async list(query: { projector?: string; limit?: number } = {}): Promise<DeadLetter[]> {
    const filter = query.projector === undefined ? {} : { projector: query.projector };
    const docs = await this.letters.find(filter, { sort: { projector: 1, position: 1 }, limit: query.limit ?? 0, promoteLongs: false }).toArray();
    return docs.map(({ _id, position, ...rest }) => ({ ...rest, position: BigInt(position.toString()) }));
  }

  async counts(): Promise<Record<string, number>> {
    // FerretDB v1 lacks most aggregation stages: the projectors are few, so count each.
    const projectors = await this.letters.distinct('projector');
    const counts = await Promise.all(projectors.map(async (p) => [p, await this.letters.countDocuments({ projector: p })] as const));
    return Object.fromEntries(counts.filter(([, n]) => n > 0));
  }

  async remove(projector: string, eventId: string): Promise<void> {
    await this.letters.deleteOne({ _id: idOf(projector, eventId) });
  }

  async clear(projector: string): Promise<void> {
    await this.letters.deleteMany({ projector });
  }
}

function idOf(projector: string, eventId: string): string {
  return JSON.stringify([projector, eventId]);
}
