import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CHECKPOINT_STORE, CheckpointStore, INTEGRATIONS_STORE, IntegrationsStore } from '@app/projections';
import { SealedSecrets } from '@app/secrets';
import { createSiemSink, SIEM_SINK_FACTORY, SiemSinkFactory } from '@app/siem';
import { SiemDeliverySupervisor, SupervisorOptions } from './siem-delivery-supervisor';
import { PersonalData } from '@app/privacy';

/** The supervisor's options from the SIEM_* settings. */
export function supervisorOptions(config: AppConfig): SupervisorOptions {
  return {
    intervalMs: config.SIEM_SUPERVISOR_INTERVAL_MS,
    batchSize: config.SIEM_BATCH_SIZE,
    backoff: { initialMs: config.SIEM_RETRY_INITIAL_MS, maxMs: config.SIEM_RETRY_MAX_MS, maxRetryAfterMs: 60 * 60_000 },
    syncEventIntervalMs: config.SIEM_SYNC_EVENT_INTERVAL_MS,
  };
}

/**
 * Pushes to the SIEMs (Splunk HEC, Microsoft Sentinel): one delivery worker per connected
 * integration, started on application bootstrap and stopped before shutdown. Needs EventStoreModule,
 * ReadModelsModule (the integrations view, the checkpoints) and SecretsModule.
 */
@Module({})
export class SiemDeliveryModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SiemDeliveryModule,
      providers: [
        { provide: SIEM_SINK_FACTORY, useValue: createSiemSink },
        {
          provide: SiemDeliverySupervisor,
          inject: [EVENT_STORE, CHECKPOINT_STORE, INTEGRATIONS_STORE, SealedSecrets, SIEM_SINK_FACTORY, PersonalData],
          useFactory: (
            store: EventStore, checkpoints: CheckpointStore, integrations: IntegrationsStore, secrets: SealedSecrets, sinks: SiemSinkFactory,
            personalData: PersonalData,
          ) => new SiemDeliverySupervisor({ store, checkpoints, integrations, secrets, sinks, personalData }, supervisorOptions(config)),
        },
      ],
      exports: [SiemDeliverySupervisor],
    };
  }
}
