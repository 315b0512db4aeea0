import { MerkleLog, ScopeHead } from '@app/integrity';

/** Token to inject the integrity log's reader (and checkpoint store). */
export const AUDIT_LOG = Symbol('AUDIT_LOG');

/** The log as it stands at one instant: its size and every scope's head. */
export interface AuditLogState {
  size: number;
  heads: ScopeHead[];
}

export interface StoredCheckpoint {
  treeSize: number;
  time: string;
  note: string;
}

/** One event of a scope's chain. */
export interface ScopeEntry {
  seq: number;
  leafIndex: number;
  position: bigint;
}

export interface ScopeRange {
  fromSeq?: number;
  fromLeaf?: number;
  belowLeaf?: number;
  limit: number;
}

/**
 * The integrity log, whoever writes it (the SQLite store inline, or the downstream writer over
 * EventStoreDB): what checkpoints, proofs, exports and tenant histories read, and where the
 * signed checkpoints are kept.
 */
export interface AuditLog {
  /** Size and heads, read together: the heads are those of exactly that tree. */
  state(): Promise<AuditLogState>;
  /** A Merkle log over the stored nodes, opened at the current size. */
  merkle(): Promise<MerkleLog>;
  /** The leaf data of leaf `leafIndex`: the bytes its hash covers. */
  leafBytes(leafIndex: number): Promise<Uint8Array>;
  leafOfPosition(position: bigint): Promise<number | undefined>;
  positionOfLeaf(leafIndex: number): Promise<bigint | undefined>;
  /** The scope's chain in seq (hence log) order: seq ≥ fromSeq, leaf index in [fromLeaf, belowLeaf). */
  scopeEntries(scope: string, range: ScopeRange): Promise<ScopeEntry[]>;
  /**
   * The tree size committed at `time` (ISO; before it when not inclusive): the time → position
   * index, on the log's own commit clock (never earlier than the previous commit), not occurredAt.
   */
  sizeAtTime(time: string, inclusive: boolean): Promise<number>;
  /** How many leaves hold events at or before this store position. */
  sizeAtPosition(position: bigint): Promise<number>;

  addCheckpoint(checkpoint: StoredCheckpoint, changed: readonly ScopeHead[], verifierKey: string): Promise<void>;
  checkpoints(options?: { fromSize?: number; limit?: number }): Promise<StoredCheckpoint[]>;
  latestCheckpoint(): Promise<StoredCheckpoint | undefined>;
  checkpointAt(size: number): Promise<StoredCheckpoint | undefined>;
  /** Every scope's head at the checkpoint of this size. */
  headsAt(size: number): Promise<ScopeHead[]>;
  /** Sizes of the checkpoints at which the scope's head moved, ascending. */
  scopeCheckpointSizes(scope: string): Promise<number[]>;
  /** Every verifier key that signed a checkpoint here. */
  signingKeys(): Promise<string[]>;
  close(): Promise<void>;
}
