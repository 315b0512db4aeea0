import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { CheckpointLagMetrics, HttpMetricsModule } from '@app/metrics';
import { CHECKPOINT_STORE, CheckpointStore, ProjectorRegistry } from '@app/projections';
import { KAFKA_RELAY } from '@app/streams';
import { MetricsController } from './metrics.controller';

/**
 * GET /metrics, HTTP metrics on every route, and the checkpoint lag of every projector and of the
 * Kafka relay, read from their stored checkpoints: right even when the worker runs them.
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
  ) {}

  onModuleInit(): void {
    for (const projector of this.projectors.all) this.lag.track(projector.name, 'projector', () => projector.checkpoint());
    if (this.config.kafkaBrokers.length > 0) this.lag.track(KAFKA_RELAY, 'relay', () => this.checkpoints.get(KAFKA_RELAY));
  }
}
