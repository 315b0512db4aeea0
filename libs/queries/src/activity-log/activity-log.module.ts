import { Module } from '@nestjs/common';
import { TenancyModule } from '@app/tenancy';
import { Freshness } from '../shared/freshness';
import { ActivityLogController } from './activity-log.controller';
import { ActivityLogService } from './activity-log.service';

@Module({
  imports: [TenancyModule],
  controllers: [ActivityLogController],
  providers: [ActivityLogService, Freshness],
  exports: [ActivityLogService, Freshness],
})
export class ActivityLogQueriesModule {}
