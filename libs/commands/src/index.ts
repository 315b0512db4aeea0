export * from './commands.module';
export * from './shared/command-executor';
export * from './shared/command-result.dto';
export * from './shared/tenant-directory';
export * from './shared/validation.pipe';
export * from './shared/http-error.filter';
export * from './shared/api-command-errors.decorator';
