export * from './app-config';
export * from './config.module';
export * from './boot';
export * from './logging.module';
export * from './request-id';
