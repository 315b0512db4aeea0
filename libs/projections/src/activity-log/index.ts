export * from './activity-entry';
export * from './activity-log.store';
export * from './activity-log.indexes';
export * from './sqlite-activity-log.store';
export * from './activity-log.projection';
export * from './activity-log.projector';
export * from './present-entry';
export * from './mongo-activity-log.store';
