export * from './sharing';
export * from './vault-item.events';
export * from './vault-item.commands';
export * from './vault-item.decider';
export * from './folder.events';
export * from './folder.commands';
export * from './folder.decider';
export * from './vault.catalog';
