export * from './error-body.dto';
export * from './http-error.filter';
export * from './validation.pipe';
export * from './no-unexpected-body.interceptor';
export * from './api-errors.decorator';
export * from './param-pipes';
export * from './http-plumbing.module';
export * from './cors';
