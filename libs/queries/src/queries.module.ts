import { Module } from '@nestjs/common';
import { ActivityLogQueriesModule } from './activity-log/activity-log.module';
import { ExportsModule } from './exports/exports.module';
import { IntegrationStatusModule } from './integrations/integration-status.module';
import { SharingHubQueriesModule } from './sharing-hub/sharing-hub.module';
import { LiveTailModule } from './live-tail/live-tail.module';
import { PullModule } from './pull/pull.module';
import { CredentialListsModule } from './credentials/credential-lists.module';
import { DirectoriesModule } from './directories/directories.module';
import { StreamTicketsModule } from './stream-tickets/stream-tickets.module';

/**
 * The read side over HTTP: logs, feeds, the Sharing Hub, exports, live tails, integration
 * statuses, the lists filters need, the pull API and credential lists.
 */
@Module({
  imports: [
    ActivityLogQueriesModule, SharingHubQueriesModule, ExportsModule, LiveTailModule, IntegrationStatusModule, DirectoriesModule,
    StreamTicketsModule, PullModule, CredentialListsModule,
  ],
})
export class QueriesModule {}
