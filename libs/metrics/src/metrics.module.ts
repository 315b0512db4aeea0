import { Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { CheckpointLagMetrics } from './checkpoints/checkpoint-lag.metrics';
import { DeliveryStateMetrics } from './delivery/delivery-state.metrics';
import { AppendMetrics } from './event-store/append.metrics';
import { httpMetricsMiddleware } from './http/http-metrics.middleware';
import { Metrics } from './metrics';

/**
 * The application's metrics registry and the hooks other libs report through: appends
 * (AppendMetrics), checkpoint lag (CheckpointLagMetrics.track), SIEM delivery state
 * (DeliveryStateMetrics.register). Global: one registry per application.
 */
@Global()
@Module({
  providers: [
    { provide: Metrics, useFactory: () => new Metrics() },
    { provide: AppendMetrics, inject: [Metrics], useFactory: (m: Metrics) => new AppendMetrics(m) },
    { provide: CheckpointLagMetrics, inject: [Metrics], useFactory: (m: Metrics) => new CheckpointLagMetrics(m) },
    { provide: DeliveryStateMetrics, inject: [Metrics], useFactory: (m: Metrics) => new DeliveryStateMetrics(m) },
  ],
  exports: [Metrics, AppendMetrics, CheckpointLagMetrics, DeliveryStateMetrics],
})
export class MetricsModule {}

/** HTTP request counts and latencies on every route of the application that imports it (the API). */
@Module({ imports: [MetricsModule] })
export class HttpMetricsModule implements NestModule {
  constructor(private readonly metrics: Metrics) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(httpMetricsMiddleware(this.metrics)).forRoutes('*');
  }
}
