import { SharePrincipal, SharingRights } from '@app/domain';
import { Reveal } from '@app/privacy';
import { HubPerson, SharingChange, SharingHistoryEntry, SharingHubDetail, SharingHubKind, SharingHubView } from './sharing-hub.record';

/**
 * Who reads the hub: organization owners see item and folder names and item types; admins see
 * generic details only (the Activity Log's rule), in records and in their history alike.
 */
export interface HubAudience {
  redactItems: boolean;
}

/** A Sharing Hub record as the API returns it: positions are strings of digits, never JS numbers. */
export interface PresentedHubRecord {
  kind: SharingHubKind;
  id: string;
  organizationId: string;
  /** Null for folders, and for an audience that sees generic details only. */
  itemType: string | null;
  /** Null for an audience that sees generic details only. */
  name: string | null;
  createdBy: HubPerson;
  createdAt: string;
  owner: { id: string; name: string | null };
  sharedWith: { principal: SharePrincipal; rights: SharingRights }[];
  sharingPolicy: { restrictSharingOutsideOrg: boolean };
  folder: { id: string; name: string | null } | null;
  deleted: boolean;
  deletedAt: string | null;
  updatedAt: string;
  /** Global position of the last change. */
  position: string;
}

export interface PresentedHubChange {
  eventId: string;
  position: string;
  occurredAt: string;
  change: SharingChange;
  by: HubPerson;
  principal?: SharePrincipal;
  rights?: SharingRights;
  previousRights?: SharingRights;
  details?: Record<string, unknown>;
}

export type PresentedHubDetail = PresentedHubRecord & { history: PresentedHubChange[] };

/**
 * The record as the audience may see it. People (creator, owner, members shared with, who made each
 * change) are revealed with `reveal`: clear for a living member, the pseudonym of an erased one.
 */
export function presentHubRecord(stored: SharingHubView, audience: HubAudience, reveal: Reveal): PresentedHubRecord {
  const view = reveal(stored);
  const redact = audience.redactItems;
  return {
    kind: view.kind,
    id: view.id,
    organizationId: view.orgId,
    itemType: redact ? null : view.itemType,
    name: redact ? null : view.name,
    createdBy: view.createdBy,
    createdAt: view.createdAt,
    owner: view.owner,
    sharedWith: view.sharedWith,
    sharingPolicy: view.sharingPolicy,
    folder: view.folder && (redact ? { id: view.folder.id, name: null } : view.folder),
    deleted: view.deleted,
    deletedAt: view.deletedAt,
    updatedAt: view.updatedAt,
    position: view.lastPosition.toString(),
  };
}

export function presentHubChange(stored: SharingHistoryEntry, audience: HubAudience, reveal: Reveal): PresentedHubChange {
  const { eventId, position, occurredAt, change, by, principal, rights, previousRights, details } = stored;
  return {
    eventId,
    position: position.toString(),
    occurredAt,
    change,
    by: reveal(by),
    ...(principal && { principal: reveal(principal) }),
    ...(rights && { rights }),
    ...(previousRights && { previousRights }),
    ...(details && { details: reveal(audience.redactItems ? redactDetails(details) : details) }),
  };
}

export function presentHubDetail(detail: SharingHubDetail, audience: HubAudience, reveal: Reveal): PresentedHubDetail {
  const { history, ...record } = detail;
  return { ...presentHubRecord(record, audience, reveal), history: history.map((entry) => presentHubChange(entry, audience, reveal)) };
}

/** The names a change's details may carry (sharing-hub.rules.ts): the record's own, and its folders'. */
const NAME_KEYS = new Set(['previousName', 'newName', 'folderName']);
const FOLDER_KEYS = new Set(['previousFolder', 'newFolder']);

/** Details without item or folder names: ids, owners and shares stay (people are not redacted). */
function redactDetails(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) => {
      if (NAME_KEYS.has(key)) return [key, null];
      if (FOLDER_KEYS.has(key) && isFolder(value)) return [key, { id: value.id, name: null }];
      return [key, value];
    }),
  );
}

const isFolder = (value: unknown): value is { id: string } =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
