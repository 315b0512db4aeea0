export * from './billing.events';
export * from './billing.commands';
export * from './billing.aggregate';
export * from './card-number';
export * from './billing.catalog';
export * from './billing.permissions';
