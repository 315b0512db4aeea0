export * from './commands.module';
export * from './command-bindings';
export * from './shared/command-binding';
export * from './shared/command-executor';
export * from './shared/command-route.decorator';
export * from './shared/command-result.dto';
export * from './shared/idempotency/idempotency-store.health';
export * from './shared/decided-states';
