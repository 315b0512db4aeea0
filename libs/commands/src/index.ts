export * from './commands.module';
export * from './shared/command-executor';
export * from './shared/command-result.dto';
