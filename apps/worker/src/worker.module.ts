import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule, loggingModule } from '@app/config';
import { EventStoreModule } from '@app/event-store';
import { ReadModelsModule } from '@app/projections';

/** The worker: every projector (and, later, the relays) as checkpointed subscriptions. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), loggingModule(config), EventStoreModule, ReadModelsModule.forRoot({ runProjectors: true, mongo: !!config.MONGO_URL })],
    };
  }
}
