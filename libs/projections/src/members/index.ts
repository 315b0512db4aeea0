export * from './member-directory.store';
export * from './member-directory.projection';
export * from './member-directory.projector';
export * from './sqlite-member-directory.store';
export * from './mongo-member-directory.store';
