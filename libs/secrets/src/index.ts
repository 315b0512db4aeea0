export * from './secret-store.port';
export * from './sqlite-secret-store';
export * from './mongo-secret-store';
export * from './sealed-secrets';
export * from './master-key-ring';
export * from './secrets.module';
