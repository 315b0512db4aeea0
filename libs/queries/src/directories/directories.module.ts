import { Module } from '@nestjs/common';
import { ActivityLogQueriesModule } from '../activity-log/activity-log.module';
import { CursorSigningModule } from '../shared/cursor-signing.module';
import { DirectoriesController } from './directories.controller';
import { DirectoriesService } from './directories.service';

/** Lists for the panel's filters, each from a read model. */
@Module({
  imports: [ActivityLogQueriesModule, CursorSigningModule],
  controllers: [DirectoriesController],
  providers: [DirectoriesService],
})
export class DirectoriesModule {}
