export * from './bytes';

export * from './merkle/rfc9162';
export * from './merkle/tree-math';
export * from './merkle/compact-range';
export * from './merkle/merkle-log';
export * from './merkle/merkle-node-store.port';
export * from './merkle/in-memory-merkle-node-store';
export * from './merkle/sqlite-merkle-node-store';

export * from './checkpoint/note-keys';
export * from './checkpoint/signed-note';
export * from './checkpoint/tlog-checkpoint';
export * from './checkpoint/audit-checkpoint';

export * from './tenant/tenant-chain';
export * from './tenant/scope-heads';

export * from './verifier/export-format';
export * from './verifier/event-reader';
export * from './verifier/verification-report';
export * from './verifier/verify-export';
