export * from './billing.events';
export * from './billing.commands';
export * from './billing.aggregate';
export * from './card-number';
export * from './billing.describers';
export * from './billing.permissions';
