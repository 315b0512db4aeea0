export * from './msp-member-access.events';
export * from './msp-member-access.commands';
export * from './msp-member-access.decider';
export * from './msp-access.catalog';
