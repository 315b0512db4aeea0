import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, SetMetadata } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { AuthenticationError } from '../auth.errors';
import { Principal } from '../principal';
import { STREAM_TICKET_STORE, StreamTicketStore } from './stream-ticket.store';
import { streamTarget } from './stream-target';

export const ACCEPTS_STREAM_TICKET = 'auth:stream-ticket';
/**
 * Marks routes a browser opens without headers (EventSource, a download link): they also accept
 * `?ticket=` from POST /stream-tickets instead of the Authorization header.
 */
export const AcceptsStreamTicket = () => SetMetadata(ACCEPTS_STREAM_TICKET, true);

/** The OpenAPI security scheme of `?ticket=` (an API key in the query), beside the bearer token. */
export const STREAM_TICKET_SCHEME = 'streamTicket';

/** Purge expired tickets every so many issued. */
const PURGE_EVERY = 100;

export interface IssuedTicket {
  ticket: string;
  expiresAt: string;
}

/** Who a redeemed ticket stands for. */
export interface RedeemedTicket {
  principal: Principal;
  /** The asking credential's own expiry (ms): a stream opened with the ticket ends then. */
  expiresAt?: number;
}

/**
 * Short-lived, single-use tickets that stand in for a bearer token on one GET request (a live tail
 * or an export) from a browser that cannot send headers. The ticket is 256 random bits; only its
 * SHA-256 is stored. It is bound to its principal, to the path and the query it was asked for, and
 * to STREAM_TICKET_TTL_SECONDS (never past the credential's own expiry); any use consumes it.
 */
@Injectable()
export class StreamTickets {
  private issued = 0;

  constructor(
    @Inject(STREAM_TICKET_STORE) private readonly store: StreamTicketStore,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** A ticket for one GET of `pathAndQuery`; undefined when that is not a plain path. */
  async issue(principal: Principal, credentialExpiresAt: number | undefined, pathAndQuery: string, now = Date.now()): Promise<IssuedTicket | undefined> {
    const target = streamTarget(pathAndQuery);
    if (!target) return undefined;
    if (++this.issued % PURGE_EVERY === 0) this.store.purgeExpired(now).catch(() => undefined);
    const ticket = `stk_${randomBytes(32).toString('base64url')}`;
    const expiresAt = Math.min(now + this.config.STREAM_TICKET_TTL_SECONDS * 1000, credentialExpiresAt ?? Infinity);
    await this.store.put({ hash: hashOf(ticket), principal, target, expiresAt, ...(credentialExpiresAt !== undefined && { credentialExpiresAt }) });
    return { ticket, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** The principal of a ticket used for `requestUrl` (path and query as sent); 401 for any other use. */
  async redeem(ticket: string, requestUrl: string, now = Date.now()): Promise<RedeemedTicket> {
    const record = await this.store.take(hashOf(ticket));
    if (!record) throw new AuthenticationError('stream ticket is unknown or was used already (a ticket opens one request: ask for another)');
    if (record.expiresAt <= now) throw new AuthenticationError('stream ticket expired (it must be used within seconds: ask for another)');
    if (streamTarget(requestUrl) !== record.target) throw new AuthenticationError('stream ticket was issued for another path or query');
    return { principal: record.principal, ...(record.credentialExpiresAt !== undefined && { expiresAt: record.credentialExpiresAt }) };
  }
}

function hashOf(ticket: string): string {
  return createHash('sha256').update(ticket).digest('hex');
}
