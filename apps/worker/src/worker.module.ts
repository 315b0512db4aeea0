import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule, loggingModule } from '@app/config';
import { EventStoreModule } from '@app/event-store';
import { ReadModelsModule } from '@app/projections';
import { SecretsModule } from '@app/secrets';
import { PrivacyModule } from '@app/privacy';
import { SiemDeliveryModule, StreamsModule } from '@app/streams';
import { AuditModule } from '@app/audit';

/**
 * The worker: every projector, the SIEM deliveries and, with KAFKA_BROKERS, the Kafka relay, as
 * checkpointed subscriptions.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        loggingModule(config),
        EventStoreModule,
        PrivacyModule.forRoot({ followErasures: true }),
        ReadModelsModule.forRoot({ runProjectors: true, mongo: !!config.MONGO_URL }),
        StreamsModule.forRoot(config),
        SecretsModule.forRoot(),
        SiemDeliveryModule.forRoot(config),
        ...(config.auditCheckpointsInApi ? [] : [AuditModule.forRoot(config, { routes: false, checkpoints: true })]),
      ],
    };
  }
}
