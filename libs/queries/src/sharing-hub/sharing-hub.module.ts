import { Module } from '@nestjs/common';
import { CursorSigningModule } from '../shared/cursor-signing.module';
import { Freshness } from '../shared/freshness';
import { AsOf } from '../shared/as-of';
import { SharingHubController } from './sharing-hub.controller';
import { SharingHubService } from './sharing-hub.service';

/** Sharing Hub queries: GET /sharing-hub and GET /sharing-hub/items/:id (organization owners and admins). */
@Module({
  imports: [CursorSigningModule],
  controllers: [SharingHubController],
  providers: [SharingHubService, Freshness, AsOf],
  exports: [SharingHubService],
})
export class SharingHubQueriesModule {}
