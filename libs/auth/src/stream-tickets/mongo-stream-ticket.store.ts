import { Collection, Db } from 'mongodb';
import { connectMongo, ensureIndexes } from '@app/mongo';
import { StreamTicketRecord, StreamTicketStore } from './stream-ticket.store';

interface TicketDocument {
  /** SHA-256 of the ticket, hex. */
  _id: string;
  /** The principal as JSON text, so that it reads back exactly as written. */
  principal: string;
  target: string;
  expiresAt: Date;
  credentialExpiresAt: Date | null;
}

/**
 * Stream tickets in MongoDB (or FerretDB), shared by every API process. A take reads the ticket and
 * deletes it; only the process whose delete removed it uses it, so a ticket opens one request.
 * FerretDB has no TTL indexes: expired tickets are purged now and then instead.
 */
export class MongoStreamTicketStore implements StreamTicketStore {
  private readonly tickets: Collection<TicketDocument>;

  constructor(db: Db, private readonly onClose: () => Promise<void> = async () => undefined) {
    this.tickets = db.collection<TicketDocument>('stream_tickets');
  }

  /** A store on its own client (the database named in the URL), closed with the store. */
  static async connect(url: string): Promise<MongoStreamTicketStore> {
    const client = await connectMongo(url);
    const store = new MongoStreamTicketStore(client.db(), () => client.close());
    await store.ensureIndexes().catch(async (error: unknown) => {
      await client.close();
      throw error;
    });
    return store;
  }

  /** The purge's index; idempotent, run at boot. */
  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.tickets, [{ key: { expiresAt: 1 }, name: 'expires_at' }]);
  }

  async put(record: StreamTicketRecord): Promise<void> {
    const { hash, principal, target, expiresAt, credentialExpiresAt } = record;
    await this.tickets.insertOne({
      _id: hash, principal: JSON.stringify(principal), target, expiresAt: new Date(expiresAt),
      credentialExpiresAt: credentialExpiresAt === undefined ? null : new Date(credentialExpiresAt),
    });
  }

  async take(hash: string): Promise<StreamTicketRecord | undefined> {
    const doc = await this.tickets.findOne({ _id: hash });
    if (!doc) return undefined;
    const { deletedCount } = await this.tickets.deleteOne({ _id: hash });
    if (deletedCount !== 1) return undefined;
    return {
      hash: doc._id,
      principal: JSON.parse(doc.principal),
      target: doc.target,
      expiresAt: doc.expiresAt.getTime(),
      ...(doc.credentialExpiresAt && { credentialExpiresAt: doc.credentialExpiresAt.getTime() }),
    };
  }

  async purgeExpired(now: number): Promise<number> {
    return (await this.tickets.deleteMany({ expiresAt: { $lt: new Date(now) } })).deletedCount;
  }

  async close(): Promise<void> {
    await this.onClose();
  }
}
