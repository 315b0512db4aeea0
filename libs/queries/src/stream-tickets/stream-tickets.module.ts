import { Module } from '@nestjs/common';
import { StreamTicketsController } from './stream-tickets.controller';

/** POST /stream-tickets; the tickets themselves are @app/auth's (the guard redeems them). */
@Module({ controllers: [StreamTicketsController] })
export class StreamTicketsModule {}
