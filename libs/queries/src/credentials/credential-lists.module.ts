import { Module } from '@nestjs/common';
import { ActivityLogQueriesModule } from '../activity-log/activity-log.module';
import { CredentialListsController } from './credential-lists.controller';
import { CursorSigningModule } from '../shared/cursor-signing.module';
import { CredentialListsService } from './credential-lists.service';

/** GET /api-keys and GET /org/activity-log-tokens. */
@Module({
  imports: [ActivityLogQueriesModule, CursorSigningModule],
  controllers: [CredentialListsController],
  providers: [CredentialListsService],
})
export class CredentialListsModule {}
