export * from './mongo-client';
export * from './mongo-indexes';
export * from './mongo-writes';
export * from './mongo-test-database';
export * from './mongo-dates';
