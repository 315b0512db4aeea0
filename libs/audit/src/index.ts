export * from './audit.module';
export * from './keys/audit-signing-key';
export * from './checkpoints/audit-checkpointer';
export * from './checkpoints/audit-checkpoint.service';
export * from './export/scope-export';
export * from './history/audit-history';
export * from './check/audit-check';
export * from './http/audit.service';
