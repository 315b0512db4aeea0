export * from './metrics';
export * from './metrics.module';
export * from './http/http-metrics.middleware';
export * from './checkpoints/checkpoint-lag.metrics';
export * from './delivery/delivery-state.metrics';
export * from './event-store/append.metrics';
