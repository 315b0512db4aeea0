import {
  MongoClient, MongoNetworkError, MongoNotConnectedError, MongoServerSelectionError, MongoTopologyClosedError,
} from 'mongodb';

/** DI token for the `Db` the read models live in (the database named in MONGO_URL). */
export const MONGO_DATABASE = Symbol('MONGO_DATABASE');

/**
 * How long the driver waits before giving up on a server: finding one (server selection),
 * opening a connection (TCP and handshake; also the heartbeat's bound, so a server that stops
 * answering is noticed quickly), and waiting for an answer on an open connection (socket).
 */
export interface MongoTimeouts {
  serverSelectionTimeoutMS: number;
  connectTimeoutMS: number;
  socketTimeoutMS: number;
}

/** Bounds that keep a request within 2 s when the server is down or hangs (AppConfig has the settings). */
export const DEFAULT_MONGO_TIMEOUTS: MongoTimeouts = { serverSelectionTimeoutMS: 1500, connectTimeoutMS: 1000, socketTimeoutMS: 1500 };

/**
 * A connected client for MONGO_URL; gives up when no server answers within the timeouts. The
 * driver's own retries are off: a retried read or write would wait for its timeout twice, past
 * the bound a caller is promised; every caller here retries anyway (the HTTP client after a
 * 503, a projector from its checkpoint), and every write is idempotent.
 */
export function connectMongo(url: string, timeouts: MongoTimeouts = DEFAULT_MONGO_TIMEOUTS): Promise<MongoClient> {
  return new MongoClient(url, { ...timeouts, retryReads: false, retryWrites: false }).connect();
}

/**
 * Socket errors the driver lets through unwrapped: a command written on a connection the server
 * has just closed fails with a plain EPIPE ("This socket has been ended by the other party").
 */
const SOCKET_ERROR_CODES = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The server is down, unreachable or did not answer in time: worth a 503 and a retry, not a 500. */
export function isMongoUnavailable(error: unknown): boolean {
  return (
    error instanceof MongoNetworkError || // also timeouts and a pool cleared after a network error
    error instanceof MongoServerSelectionError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoNotConnectedError ||
    // Duck-typed: a socket error is Node's own Error, of another realm than the caller's under jest.
    (typeof error === 'object' && error !== null && SOCKET_ERROR_CODES.has(String((error as { code?: unknown }).code)))
  );
}
