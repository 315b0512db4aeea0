export * from './organization.events';
export * from './organization.commands';
export * from './organization.decider';
export * from './organizations.describers';
export * from './organization.permissions';
