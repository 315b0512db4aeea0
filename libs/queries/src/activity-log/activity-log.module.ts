import { Module } from '@nestjs/common';
import { TenancyModule } from '@app/tenancy';
import { CursorSigningModule } from '../shared/cursor-signing.module';
import { Freshness } from '../shared/freshness';
import { MemberEmails } from '../shared/member-emails';
import { ActivityLogController } from './activity-log.controller';
import { ActivityLogService } from './activity-log.service';

@Module({
  imports: [TenancyModule, CursorSigningModule],
  controllers: [ActivityLogController],
  providers: [ActivityLogService, Freshness, MemberEmails],
  exports: [ActivityLogService, Freshness, MemberEmails],
})
export class ActivityLogQueriesModule {}
