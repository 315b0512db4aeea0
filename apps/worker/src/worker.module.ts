import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule, loggingModule } from '@app/config';
import { EventStoreModule } from '@app/event-store';
import { EventTailService } from './event-tail.service';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), loggingModule(config), EventStoreModule],
      providers: [EventTailService],
    };
  }
}
