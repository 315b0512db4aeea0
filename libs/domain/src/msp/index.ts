export * from './msp.events';
export * from './msp.commands';
export * from './msp.decider';
export * from './msp.catalog';
