export * from './billing.events';
export * from './billing.commands';
export * from './billing.decider';
export * from './billing.catalog';
