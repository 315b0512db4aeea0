import { SharePrincipal, SharingRights } from '@app/domain';
import { HubPerson, SharingChange, SharingHistoryEntry, SharingHubDetail, SharingHubKind, SharingHubView } from './sharing-hub.record';

/** A Sharing Hub record as the API returns it: positions are strings of digits, never JS numbers. */
export interface PresentedHubRecord {
  kind: SharingHubKind;
  id: string;
  organizationId: string;
  itemType: string | null;
  name: string;
  createdBy: HubPerson;
  createdAt: string;
  owner: { id: string; name: string | null };
  sharedWith: { principal: SharePrincipal; rights: SharingRights }[];
  sharingPolicy: { restrictSharingOutsideOrg: boolean };
  folder: { id: string; name: string } | null;
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

export function presentHubRecord(view: SharingHubView): PresentedHubRecord {
  return {
    kind: view.kind,
    id: view.id,
    organizationId: view.orgId,
    itemType: view.itemType,
    name: view.name,
    createdBy: view.createdBy,
    createdAt: view.createdAt,
    owner: view.owner,
    sharedWith: view.sharedWith,
    sharingPolicy: view.sharingPolicy,
    folder: view.folder,
    deleted: view.deleted,
    deletedAt: view.deletedAt,
    updatedAt: view.updatedAt,
    position: view.lastPosition.toString(),
  };
}

export function presentHubChange(entry: SharingHistoryEntry): PresentedHubChange {
  const { eventId, position, occurredAt, change, by, principal, rights, previousRights, details } = entry;
  return {
    eventId,
    position: position.toString(),
    occurredAt,
    change,
    by,
    ...(principal && { principal }),
    ...(rights && { rights }),
    ...(previousRights && { previousRights }),
    ...(details && { details }),
  };
}

export function presentHubDetail(detail: SharingHubDetail): PresentedHubDetail {
  return { ...presentHubRecord(detail), history: detail.history.map(presentHubChange) };
}
