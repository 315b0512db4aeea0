export * from './siem-delivery.module';
export * from './siem-delivery-supervisor';
export * from './siem-delivery-worker';
export * from './delivery-status-tracker';
export * from './sync-events';
export * from './sync-recorder';
export * from './siem-sink-config';
