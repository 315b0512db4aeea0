export * from './sharing-hub.record';
export * from './sharing-hub.projection';
export * from './sharing-hub.store';
export * from './sqlite-sharing-hub.store';
export * from './sharing-hub.projector';
export * from './present-sharing-hub';
export * from './mongo-sharing-hub.store';
