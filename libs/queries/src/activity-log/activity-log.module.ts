import { Module } from '@nestjs/common';
import { TenancyModule } from '@app/tenancy';
import { CursorSigningModule } from '../shared/cursor-signing.module';
import { Freshness } from '../shared/freshness';
import { AsOf } from '../shared/as-of';
import { MemberEmails } from '../shared/member-emails';
import { ActivityLogController } from './activity-log.controller';
import { ActivityLogService } from './activity-log.service';

@Module({
  imports: [TenancyModule, CursorSigningModule],
  controllers: [ActivityLogController],
  providers: [ActivityLogService, Freshness, AsOf, MemberEmails],
  exports: [ActivityLogService, Freshness, AsOf, MemberEmails],
})
export class ActivityLogQueriesModule {}
