import { ItemType, Share, SharePrincipal, SharingRights } from '@app/domain';

export type SharingHubKind = 'item' | 'folder';

/** Identifies one record: item and folder ids live in separate aggregates, so the kind is part of the key. */
export interface SharingHubKey {
  kind: SharingHubKind;
  id: string;
}

export const keyOf = (key: SharingHubKey): string => `${key.kind}:${key.id}`;

/** Who did something, as the event's actor says. */
export interface HubPerson {
  id: string;
  name: string | null;
  email: string | null;
}

/** One Sharing Hub line: a vault item or a folder of one organization, as it stands now. */
export interface SharingHubRecord {
  kind: SharingHubKind;
  id: string;
  orgId: string;
  mspId: string | null;
  /** Items only; null for folders. */
  itemType: ItemType | null;
  name: string;
  createdBy: HubPerson;
  createdAt: string;
  owner: { id: string; name: string | null };
  /** Direct shares only (the domain knows no inheritance from folders or group membership). */
  sharedWith: Share[];
  /** Items only: the folder the item is in, or null. Always null for folders. */
  folder: { id: string; name: string } | null;
  deleted: boolean;
  deletedAt: string | null;
  /** occurredAt of the last event that changed the record. */
  updatedAt: string;
  /** Position of the last event that changed the record: the guard against replays. */
  lastPosition: bigint;
}

export type SharingChange =
  | 'created'
  | 'shared'
  | 'rights_changed'
  | 'access_revoked'
  | 'owner_changed'
  | 'moved'
  | 'renamed'
  | 'deleted'
  | 'restored';

/** One change in a record's history, keyed by event id (so re-applying it is a no-op). */
export interface SharingHistoryEntry {
  eventId: string;
  position: bigint;
  occurredAt: string;
  /** The organization the record belongs to (its history is never read across organizations). */
  orgId: string;
  recordId: string;
  kind: SharingHubKind;
  change: SharingChange;
  by: HubPerson;
  principal?: SharePrincipal;
  /** The rights granted ('shared') or the new rights ('rights_changed'). */
  rights?: SharingRights;
  /** The rights before ('rights_changed') or the rights taken away ('access_revoked'). */
  previousRights?: SharingRights;
  /** What else the change was: old and new owner, folder or name. */
  details?: Record<string, unknown>;
}

export interface SharingPolicy {
  restrictSharingOutsideOrg: boolean;
}

/** The organization's 'restrict_sharing_outside_org' policy as of one event, guarded by its position. */
export interface SharingPolicyChange {
  orgId: string;
  restrictSharingOutsideOrg: boolean;
  position: bigint;
  occurredAt: string;
}

/** A record as queries return it: with its organization's sharing policy. */
export type SharingHubView = SharingHubRecord & { sharingPolicy: SharingPolicy };

/** One record with its full history of sharing changes, oldest first. */
export type SharingHubDetail = SharingHubView & { history: SharingHistoryEntry[] };

export const NO_SHARING_POLICY: SharingPolicy = { restrictSharingOutsideOrg: false };
