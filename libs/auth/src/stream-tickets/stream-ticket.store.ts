import { Principal } from '../principal';

/** A stream ticket as stored: never the ticket itself, only its SHA-256. */
export interface StreamTicketRecord {
  /** SHA-256 of the ticket, hex. */
  hash: string;
  /** Who asked for it: the request that uses it acts as this principal. */
  principal: Principal;
  /** The one request it opens: method, path and sorted query (see streamTarget). */
  target: string;
  /** Milliseconds since the epoch: unused after this, it is refused. */
  expiresAt: number;
  /** When the credential that asked for it expires (ms), if it says: a stream it opens ends then. */
  credentialExpiresAt?: number;
}

/**
 * Where tickets wait for their one use, shared by every API process (a ticket issued by one
 * process is redeemed by whichever one the browser reaches).
 */
export interface StreamTicketStore {
  put(record: StreamTicketRecord): Promise<void>;
  /**
   * Removes the ticket and returns it, expired or not; undefined when it is unknown or was taken
   * already. Of two concurrent takes of one ticket, at most one gets it.
   */
  take(hash: string): Promise<StreamTicketRecord | undefined>;
  /** Forgets tickets that expired before `now` unused; returns how many. */
  purgeExpired(now: number): Promise<number>;
  close(): Promise<void>;
}

export const STREAM_TICKET_STORE = Symbol('StreamTicketStore');
