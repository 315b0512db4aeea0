import { Module } from '@nestjs/common';
import { ActivityLogQueriesModule } from '../activity-log/activity-log.module';
import { LiveTailController } from './live-tail.controller';
import { DEFAULT_LIVE_TAIL_OPTIONS, LIVE_TAIL_OPTIONS } from './live-tail.options';
import { LiveTailService } from './live-tail.service';

/** Server-Sent Events: the log views as they happen, resuming from `Last-Event-ID`. */
@Module({
  imports: [ActivityLogQueriesModule],
  controllers: [LiveTailController],
  providers: [LiveTailService, { provide: LIVE_TAIL_OPTIONS, useValue: DEFAULT_LIVE_TAIL_OPTIONS }],
})
export class LiveTailModule {}
