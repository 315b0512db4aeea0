import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig, ConfigModule, loggingModule } from '@app/config';
import { EventStoreHealthIndicator, EventStoreModule } from '@app/event-store';
import { HealthController } from './health/health.controller';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [ConfigModule.forRoot(config), loggingModule(config), EventStoreModule, TerminusModule],
      controllers: [HealthController],
      providers: [EventStoreHealthIndicator],
    };
  }
}
