export * from './integrations.store';
export * from './integrations.projection';
export * from './integrations.projector';
export * from './sqlite-integrations.store';
export * from './mongo-integrations.store';
export * from './integration-audience';
export * from './integration-status';
