export * from './credentials.store';
export * from './credentials.projection';
export * from './credentials.projector';
export * from './sqlite-credentials.store';
export * from './mongo-credentials.store';
