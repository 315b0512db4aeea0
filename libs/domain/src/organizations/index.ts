export * from './organization.events';
export * from './organization.commands';
export * from './organization.decider';
export * from './organizations.catalog';
