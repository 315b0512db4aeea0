import { Module } from '@nestjs/common';
import { ActivityLogQueriesModule } from './activity-log/activity-log.module';
import { ExportsModule } from './exports/exports.module';
import { IntegrationStatusModule } from './integrations/integration-status.module';
import { SharingHubQueriesModule } from './sharing-hub/sharing-hub.module';
import { LiveTailModule } from './live-tail/live-tail.module';

/** The read side over HTTP: logs, feeds, the Sharing Hub, exports, live tails and integration statuses. */
@Module({
  imports: [ActivityLogQueriesModule, SharingHubQueriesModule, ExportsModule, LiveTailModule, IntegrationStatusModule],
})
export class QueriesModule {}
