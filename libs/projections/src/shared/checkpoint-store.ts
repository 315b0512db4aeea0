import Database from 'better-sqlite3';
import { Db } from 'mongodb';
import { MongoCheckpoints } from '../mongo/mongo-checkpoints';
import { SqliteCheckpoints } from './sqlite-read-database';

/** Checkpoints of consumers that keep no rows of their own (the Kafka relay, SIEM pushers). */
export interface CheckpointStore {
  get(name: string): Promise<bigint | undefined>;
  /** Never moves backwards. */
  advance(name: string, position: bigint): Promise<void>;
  clear(name: string): Promise<void>;
}

export const CHECKPOINT_STORE = Symbol('CHECKPOINT_STORE');

export function sqliteCheckpointStore(db: Database.Database): CheckpointStore {
  const checkpoints = new SqliteCheckpoints(db);
  return {
    get: async (name) => checkpoints.get(name),
    advance: async (name, position) => checkpoints.advance(name, position),
    clear: async (name) => checkpoints.clear(name),
  };
}

export function mongoCheckpointStore(db: Db): CheckpointStore {
  return new MongoCheckpoints(db);
}
