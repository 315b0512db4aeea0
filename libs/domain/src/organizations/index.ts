export * from './organization.events';
export * from './organization.commands';
export * from './organization.aggregate';
export * from './organizations.describers';
export * from './organization.permissions';
