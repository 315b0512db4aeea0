export * from './retention-policies';
export * from './retention.job';
export * from './retention.health';
