import { MongoClient, MongoNetworkError, MongoNetworkTimeoutError, MongoServerError, MongoServerSelectionError } from 'mongodb';
import { createServer } from 'node:net';
import { EventStoreUnavailableError } from '@app/event-store';
import { isTransientFailure, MalformedEventError } from './projection-errors';

describe('isTransientFailure: an engine that cannot work now, rather than an event a view cannot take', () => {
  it.each([
    ['a dropped connection', new MongoNetworkError('connection 3 to 127.0.0.1:27117 closed')],
    ['a server that hangs', new MongoNetworkTimeoutError('connection timed out')],
    ['a write on a connection the server closed', Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' })],
    ['a busy SQLite file', Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })],
    ['a full disk', Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })],
    ['a closed SQLite handle', new TypeError('The database connection is not open')],
    ['an event store that is down', new EventStoreUnavailableError('EventStoreDB is unavailable')],
  ])('is transient for %s', (_what, error) => {
    expect(isTransientFailure(error)).toBe(true);
  });

  it('is transient when no MongoDB server listens (a real server selection error)', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const error = await new MongoClient(`mongodb://127.0.0.1:${port}/`, { serverSelectionTimeoutMS: 200 }).connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerSelectionError);
    expect(isTransientFailure(error)).toBe(true);
  });

  it.each([
    ['a malformed event', new MalformedEventError('metadata.actor.id must be a non-empty string, got object')],
    ['a value SQLite cannot bind', new TypeError('SQLite3 can only bind numbers, strings, bigints, buffers, and null')],
    ['a constraint', Object.assign(new Error('NOT NULL constraint failed: activity_entries.target_id'), { code: 'SQLITE_CONSTRAINT_NOTNULL' })],
    ['a document the server refuses', new MongoServerError({ message: 'invalid key', code: 2 })],
    ['anything else', 'a string thrown'],
  ])('is not transient for %s', (_what, error) => {
    expect(isTransientFailure(error)).toBe(false);
  });
});
