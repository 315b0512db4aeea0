import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CheckpointLagMetrics, DeliveryStateMetrics, HttpMetricsModule } from '@app/metrics';
import { CHECKPOINT_STORE, CheckpointStore, INTEGRATIONS_STORE, IntegrationsStore, ProjectorRegistry } from '@app/projections';
import { KAFKA_RELAY } from '@app/streams';
import { MetricsController } from './metrics.controller';
import { siemDeliverySamples } from './siem-delivery.metrics';

/**
 * GET /metrics, HTTP metrics on every route, the checkpoint lag of every projector, of the Kafka
 * relay and of each SIEM delivery, and the SIEM deliveries' states, read from what they store:
 * right even when the worker runs them.
 */
@Module({
  imports: [HttpMetricsModule],
  controllers: [MetricsController],
})
export class ObservabilityModule implements OnModuleInit {
  constructor(
    private readonly config: AppConfig,
    private readonly lag: CheckpointLagMetrics,
    private readonly projectors: ProjectorRegistry,
    @Inject(CHECKPOINT_STORE) private readonly checkpoints: CheckpointStore,
    private readonly deliveryState: DeliveryStateMetrics,
    @Inject(INTEGRATIONS_STORE) private readonly integrations: IntegrationsStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  onModuleInit(): void {
    for (const projector of this.projectors.all) this.lag.track(projector.name, 'projector', () => projector.checkpoint());
    if (this.config.kafkaBrokers.length > 0) this.lag.track(KAFKA_RELAY, 'relay', () => this.checkpoints.get(KAFKA_RELAY));
    const { integrations, checkpoints, store, lag } = this;
    this.deliveryState.register(siemDeliverySamples({ integrations, checkpoints, store, lag }));
  }
}
