export * from './tenant-directory';
export * from './tenancy.module';
