export * from './organization-directory.store';
export * from './organization-directory.projection';
export * from './organization-directory.projector';
export * from './sqlite-organization-directory.store';
export * from './mongo-organization-directory.store';
