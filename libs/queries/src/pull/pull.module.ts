import { Module } from '@nestjs/common';
import { ActivityLogQueriesModule } from '../activity-log/activity-log.module';
import { CursorSigningModule } from '../shared/cursor-signing.module';
import { PullController } from './pull.controller';
import { PullService } from './pull.service';

/** GET /pull/…: the logs in ingestion order, with signed cursors. */
@Module({
  imports: [ActivityLogQueriesModule, CursorSigningModule],
  controllers: [PullController],
  providers: [PullService],
})
export class PullModule {}
