import { OrganizationStatus } from '@app/domain';

/** The projector name: its checkpoint is stored under it. */
export const ORGANIZATION_DIRECTORY_PROJECTOR = 'organizations';

/** One organization as the directory knows it. */
export interface OrganizationEntry {
  orgId: string;
  /** The MSP that created and supervises it: fixed at creation. */
  mspId: string;
  name: string;
  status: OrganizationStatus;
  createdAt: string;
  updatedAt: string;
  /** Position of the last event applied: a write carrying an older or equal one changes nothing. */
  position: bigint;
}

/** Everything one projected batch writes. */
export interface OrganizationDirectoryBatch {
  /** Latest state of each organization the batch changed. */
  entries: OrganizationEntry[];
  /** Position of the batch's last event: never moves the stored checkpoint backwards. */
  checkpoint: bigint;
}

export interface OrganizationListQuery {
  mspId: string;
  /** Keyset: organizations whose id sorts after this one (ids are UUIDv7, so creation order). */
  afterOrgId?: string;
  limit: number;
}

/**
 * The organization directory: orgId → supervising MSP, name and status. Written by its projector,
 * read by the tenant directory (which MSP an organization-side event belongs to) and by lists.
 * Entries are guarded by position and the checkpoint never moves backwards, so a store without
 * transactions writes the entries first and the checkpoint last.
 */
export interface OrganizationDirectoryStore {
  /** The stored entries with these ids (missing ones are simply absent), in any order. */
  load(orgIds: readonly string[]): Promise<OrganizationEntry[]>;
  save(batch: OrganizationDirectoryBatch): Promise<void>;
  get(orgId: string): Promise<OrganizationEntry | undefined>;
  /** One MSP's organizations, oldest first. */
  list(query: OrganizationListQuery): Promise<OrganizationEntry[]>;
  /** Last applied position, or undefined when nothing was applied yet. */
  checkpoint(): Promise<bigint | undefined>;
  /** Drops every entry and the checkpoint (for a rebuild). */
  reset(): Promise<void>;
}

/** DI token for the store port (the SQLite adapter by default, MongoDB when configured). */
export const ORGANIZATION_DIRECTORY_STORE = Symbol('OrganizationDirectoryStore');
