import { ActivityCategory } from '@app/domain';
import { CursorPosition } from '../shared/cursor';
import { TimeWindow } from '../shared/time-window';
import { ActivityEntry } from './activity-entry';

/** Whose entries a query may ever see: always taken from the verified principal. */
export type ActivityScope = { mspId: string; orgId?: string } | { orgId: string; mspId?: undefined };

export interface ActivityLogQuery {
  scope: ActivityScope;
  /** The categories this log shows (the MSP six, the business ones, or all when absent). */
  categories?: readonly ActivityCategory[];
  window: TimeWindow;
  /**
   * The reader's filter, kept for what it means (and the cursor bound to it); stores never read it:
   * the service resolves it into `initiatorIn` (entries hold emails sealed).
   */
  memberEmail?: string;
  /** Entries whose initiator is one of these members (what `memberEmail` named); empty: none. */
  initiatorIn?: readonly string[];
  memberId?: string;
  organizationId?: string;
  category?: ActivityCategory;
  itemId?: string;
  /** Keyset: entries strictly older than this (occurredAt, position). */
  after?: CursorPosition;
  /** asOf: only entries at or before this position (the log as it stood then). */
  upToPosition?: bigint;
  limit: number;
}

/** Entries applied after a position, oldest first: what a live tail sends next. */
export interface ActivityTailQuery {
  scope: ActivityScope;
  categories?: readonly ActivityCategory[];
  afterPosition?: bigint;
  limit: number;
}

/** The activity-entries read model: written by its projector, read by the log queries and exports. */
export interface ActivityLogStore {
  /** Inserts the entries (ignoring ids already there) and advances the checkpoint. */
  applyBatch(entries: ActivityEntry[], checkpoint: bigint): Promise<void>;
  /** Newest first: (occurredAt, position) descending. */
  query(query: ActivityLogQuery): Promise<ActivityEntry[]>;
  /** Oldest first by position, strictly after `afterPosition`. */
  tail(query: ActivityTailQuery): Promise<ActivityEntry[]>;
  checkpoint(): Promise<bigint | undefined>;
  /** Every tenant that has entries, as stored: (mspId, orgId), either possibly null. */
  retentionTenants(): Promise<{ mspId: string | null; orgId: string | null }[]>;
  /** Removes the tenant's entries that happened before `before` (ISO 8601); answers how many. */
  deleteBefore(tenant: { mspId: string | null; orgId: string | null }, before: string): Promise<number>;
  reset(): Promise<void>;
  /** Around a rebuild, after reset: e.g. drop indexes, then build them once at the end. */
  beforeRebuild?(): Promise<void>;
  afterRebuild?(): Promise<void>;
}

/** DI token for the store port (the SQLite adapter by default, MongoDB when configured). */
export const ACTIVITY_LOG_STORE = Symbol('ACTIVITY_LOG_STORE');
