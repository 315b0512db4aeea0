import { MongoClient } from 'mongodb';

/** DI token for the `Db` the read models live in (the database named in MONGO_URL). */
export const MONGO_DATABASE = Symbol('MONGO_DATABASE');

/** A connected client for MONGO_URL; gives up after 10 s when no server answers. */
export function connectMongo(url: string): Promise<MongoClient> {
  return new MongoClient(url, { serverSelectionTimeoutMS: 10_000 }).connect();
}
