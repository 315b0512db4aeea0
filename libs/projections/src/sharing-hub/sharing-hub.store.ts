import { CursorPosition } from '../shared/cursor';
import { TimeWindow } from '../shared/time-window';
import {
  SharingHistoryEntry,
  SharingHubDetail,
  SharingHubKey,
  SharingHubKind,
  SharingHubRecord,
  SharingHubView,
  SharingPolicyChange,
} from './sharing-hub.record';

/** The projector name: its checkpoint is stored under it. */
export const SHARING_HUB_PROJECTOR = 'sharing-hub';

/** Everything one projected batch writes. */
export interface SharingHubBatch {
  /** Latest state of each record the batch changed: upserted only where lastPosition is greater than the stored one. */
  records: SharingHubRecord[];
  /** Upserted by eventId: writing an entry twice leaves one. */
  history: SharingHistoryEntry[];
  /** Upserted per orgId only where position is greater than the stored one. */
  policies: SharingPolicyChange[];
  /** Position of the batch's last event: never moves the stored checkpoint backwards. */
  checkpoint: bigint;
}

export interface SharingHubQuery {
  /** Always the verified principal's organization: a query never crosses organizations. */
  orgId: string;
  /** On updatedAt: `from` inclusive, `to` exclusive. Absent: no date bound. */
  window?: TimeWindow;
  kind?: SharingHubKind;
  /** true: only deleted records; false: only live ones; absent: both. */
  deleted?: boolean;
  /** Keyset: records strictly older than this (updatedAt, lastPosition). */
  after?: CursorPosition;
  /** Rows to return (callers ask for one more than the page size to learn whether a next page exists). */
  limit: number;
}

/**
 * The Sharing Hub read model: written by its projector, read by the hub queries.
 *
 * Every write is idempotent on its own (records guarded by lastPosition, history by eventId,
 * policies by position, checkpoint never backwards), so a store without transactions
 * (MongoDB, FerretDB) implements `save` as ordered writes: history, then policies, then records,
 * then the checkpoint LAST. A crash anywhere re-applies the batch from the old checkpoint: the
 * records not yet written are recomputed with their history entries (upserted again, same ids),
 * and records already written skip the events, whose history is already stored. Never write the
 * records before the history. The SQLite adapter does it all in one transaction.
 */
export interface SharingHubStore {
  /** The stored records with these keys (missing ones are simply absent), in any order. */
  load(keys: readonly SharingHubKey[]): Promise<SharingHubRecord[]>;
  /** Writes a projected batch and advances the checkpoint (see above for the order without transactions). */
  save(batch: SharingHubBatch): Promise<void>;
  /** Records of one organization, newest updatedAt first (then lastPosition descending), with its sharing policy. */
  query(query: SharingHubQuery): Promise<SharingHubView[]>;
  /**
   * One record of this organization with its whole history, oldest first; undefined when absent or of
   * another organization. Without `kind`, an item is preferred over a folder with the same id.
   */
  get(orgId: string, id: string, kind?: SharingHubKind): Promise<SharingHubDetail | undefined>;
  /** Last applied position, or undefined when nothing was applied yet. */
  checkpoint(): Promise<bigint | undefined>;
  /** Drops every record, history entry, policy and the checkpoint (for a rebuild). */
  reset(): Promise<void>;
}

/** DI token for the store port (the SQLite adapter by default, MongoDB when configured). */
export const SHARING_HUB_STORE = Symbol('SharingHubStore');
