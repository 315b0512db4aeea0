import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { join } from 'node:path';
import { AppConfig } from '@app/config';
import { AuthGuard } from './auth.guard';
import { AuthorizeGuard } from './authorize.guard';
import { ClientIpResolver } from './client-ip';
import { JwtVerifier } from './jwt-verifier';
import { MongoStreamTicketStore } from './stream-tickets/mongo-stream-ticket.store';
import { SqliteStreamTicketStore } from './stream-tickets/sqlite-stream-ticket.store';
import { STREAM_TICKET_STORE, StreamTicketStore } from './stream-tickets/stream-ticket.store';
import { StreamTickets } from './stream-tickets/stream-tickets';

/** Authentication (401) then authorization by the role matrix (403), on every route. */
@Global()
@Module({
  providers: [
    { provide: JwtVerifier, inject: [AppConfig], useFactory: (config: AppConfig) => new JwtVerifier(config) },
    { provide: ClientIpResolver, inject: [AppConfig], useFactory: (c: AppConfig) => new ClientIpResolver(c.trustedProxies) },
    { provide: STREAM_TICKET_STORE, inject: [AppConfig], useFactory: openStreamTicketStore },
    StreamTickets,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: AuthorizeGuard },
  ],
  exports: [JwtVerifier, ClientIpResolver, StreamTickets],
})
export class AuthModule implements OnApplicationShutdown {
  constructor(@Inject(STREAM_TICKET_STORE) private readonly tickets: StreamTicketStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.tickets.close();
  }
}

/** Shared in MongoDB when MONGO_URL is set (scaled-out APIs), else a SQLite file in DATA_DIR. */
async function openStreamTicketStore(config: AppConfig): Promise<StreamTicketStore> {
  if (config.MONGO_URL) return MongoStreamTicketStore.connect(config.MONGO_URL);
  return new SqliteStreamTicketStore(join(config.DATA_DIR, 'stream-tickets.sqlite'));
}
