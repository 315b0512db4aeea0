import { Module } from '@nestjs/common';
import { ActivityLogQueriesModule } from './activity-log/activity-log.module';
import { ExportsModule } from './exports/exports.module';
import { SharingHubQueriesModule } from './sharing-hub/sharing-hub.module';

/** The read side over HTTP: logs, feeds, the Sharing Hub and exports. */
@Module({
  imports: [ActivityLogQueriesModule, SharingHubQueriesModule, ExportsModule],
})
export class QueriesModule {}
