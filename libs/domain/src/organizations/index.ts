export * from './organization.events';
export * from './organization.commands';
export * from './organization.aggregate';
export * from './organization.catalog';
export * from './organization.permissions';
