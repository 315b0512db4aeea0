import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CHECKPOINT_STORE, CheckpointStore, RunnerOptions } from '@app/projections';
import { PersonalData } from '@app/privacy';
import { createKafkaRelayService, KafkaRelayService } from './kafka/kafka-relay.service';

/**
 * The outbound streams the worker runs. With KAFKA_BROKERS set: the Kafka relay, started on
 * application bootstrap and stopped on shutdown. Without it: nothing. Needs EventStoreModule,
 * PrivacyModule and ReadModelsModule (for CHECKPOINT_STORE).
 */
@Global()
@Module({})
export class StreamsModule {
  static forRoot(config: AppConfig, relayOptions: RunnerOptions = {}): DynamicModule {
    if (config.kafkaBrokers.length === 0) return { module: StreamsModule };
    return {
      module: StreamsModule,
      providers: [
        {
          provide: KafkaRelayService,
          inject: [EVENT_STORE, CHECKPOINT_STORE, PersonalData],
          useFactory: (store: EventStore, checkpoints: CheckpointStore, personalData: PersonalData) =>
            createKafkaRelayService(config, store, checkpoints, personalData, relayOptions),
        },
      ],
      exports: [KafkaRelayService],
    };
  }
}
