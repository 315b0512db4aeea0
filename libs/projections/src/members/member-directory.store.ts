/** The two rosters this read model keeps: an MSP's members, and an organization's. */
export type RosterKind = 'msp' | 'org';

/** The projector names: each roster's checkpoint is stored under its own. */
export const MEMBER_DIRECTORY_PROJECTORS: Record<RosterKind, string> = { msp: 'msp-members', org: 'org-members' };

/**
 * One member as its roster knows them. Removed members stay listed (status `removed`): their past
 * activity is still in the log, and a filter must still find it.
 */
export interface MemberEntry {
  /** The MSP (msp roster) or the organization (org roster) the member belongs to. */
  tenantId: string;
  memberId: string;
  email: string;
  name: string | null;
  /** An MSP role (`msp_owner`, `msp_admin`, `msp_member`) or an organization role. */
  role: string;
  /** MSP: invited, active, suspended, revoked, removed. Organization: pending, active, suspended, declined, removed. */
  status: string;
  /** When the member first appeared (invited, or the account's owner at its creation). */
  since: string;
  updatedAt: string;
  /** Position of the last event applied: a write carrying an older or equal one changes nothing. */
  position: bigint;
}

export type MemberKey = Pick<MemberEntry, 'tenantId' | 'memberId'>;

export interface MemberDirectoryBatch {
  /** Latest state of each member the batch changed. */
  entries: MemberEntry[];
  /** Position of the batch's last event: never moves the stored checkpoint backwards. */
  checkpoint: bigint;
}

export interface MemberListQuery {
  tenantId: string;
  /** Keyset: members after this one in (email lowercased, member id) order. */
  after?: { email: string; memberId: string };
  limit: number;
}

/**
 * A roster read model (one store per kind). Entries are guarded by position and the checkpoint
 * never moves backwards, so a store without transactions writes the entries first and the
 * checkpoint last.
 */
export interface MemberDirectoryStore {
  readonly kind: RosterKind;
  /** The stored entries with these keys (missing ones are simply absent), in any order. */
  load(keys: readonly MemberKey[]): Promise<MemberEntry[]>;
  save(batch: MemberDirectoryBatch): Promise<void>;
  /** One tenant's members by email (any case), then member id. */
  list(query: MemberListQuery): Promise<MemberEntry[]>;
  checkpoint(): Promise<bigint | undefined>;
  reset(): Promise<void>;
}

/** DI tokens of the two stores. */
export const MSP_MEMBER_DIRECTORY_STORE = Symbol('MspMemberDirectoryStore');
export const ORG_MEMBER_DIRECTORY_STORE = Symbol('OrgMemberDirectoryStore');

/** The stored key of an entry: unambiguous whatever the ids contain. */
export const memberKey = ({ tenantId, memberId }: MemberKey): string => JSON.stringify([tenantId, memberId]);
