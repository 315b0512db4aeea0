import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig, ConfigModule, loggingModule } from '@app/config';
import { EventStoreHealthIndicator, EventStoreModule } from '@app/event-store';
import { AuthModule } from '@app/auth';
import { HttpPlumbingModule, rateLimitModule } from '@app/http';
import { ApiAccessModule } from '@app/api-access';
import { CommandsModule } from '@app/commands';
import { ReadModelsHealthIndicator, ReadModelsModule } from '@app/projections';
import { QueriesModule } from '@app/queries';
import { SecretsModule } from '@app/secrets';
import { PrivacyModule } from '@app/privacy';
import { SiemDeliveryModule } from '@app/streams';
import { AuditModule } from '@app/audit';
import { HealthController } from './health/health.controller';
import { ObservabilityModule } from './observability/observability.module';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        loggingModule(config),
        EventStoreModule,
        PrivacyModule.forRoot({ followErasures: true }),
        TerminusModule,
        AuthModule,
        SecretsModule.forRoot(),
        HttpPlumbingModule,
        rateLimitModule({ limit: config.RATE_LIMIT, windowSeconds: config.RATE_LIMIT_WINDOW_S }),
        CommandsModule,
        ReadModelsModule.forRoot({ runProjectors: config.projectorsInApi, mongo: !!config.MONGO_URL }),
        QueriesModule,
        ApiAccessModule.forRoot(),
        ObservabilityModule,
        // Checkpoints are signed here under npm start, like the projectors run here; else in the worker.
        AuditModule.forRoot(config, { routes: true, checkpoints: config.auditCheckpointsInApi }),
        // Under npm start the SIEM deliveries run here, like the projectors; else in the worker.
        ...(config.siemDeliveryInApi ? [SiemDeliveryModule.forRoot(config)] : []),
      ],
      controllers: [HealthController],
      providers: [EventStoreHealthIndicator, ReadModelsHealthIndicator],
    };
  }
}
