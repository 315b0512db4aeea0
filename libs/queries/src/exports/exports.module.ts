import { Module } from '@nestjs/common';
import { ActivityLogQueriesModule } from '../activity-log/activity-log.module';
import { ExportsController } from './exports.controller';
import { ActivityExportService } from './exports.service';

/** CSV and JSON Lines exports of the logs: the log queries' scoping and redaction, streamed. */
@Module({
  imports: [ActivityLogQueriesModule],
  controllers: [ExportsController],
  providers: [ActivityExportService],
})
export class ExportsModule {}
