import { Module } from '@nestjs/common';
import { Freshness } from '../shared/freshness';
import { ActivityLogController } from './activity-log.controller';
import { ActivityLogService } from './activity-log.service';

@Module({
  controllers: [ActivityLogController],
  providers: [ActivityLogService, Freshness],
  exports: [ActivityLogService, Freshness],
})
export class ActivityLogQueriesModule {}
