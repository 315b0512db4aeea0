import {
  FolderEvent,
  ItemType,
  OrgPoliciesEvent,
  PolicyKey,
  SharePrincipal,
  SharingRights,
  VaultItemEvent,
  withoutShare,
  withShare,
} from '@app/domain';
import { SharingChange, SharingHistoryEntry, SharingHubKind, SharingHubRecord } from './sharing-hub.record';

type HubEvent = VaultItemEvent | FolderEvent;
export type HubEventType = HubEvent['type'];
type DataOf<T extends HubEventType> = Extract<HubEvent, { type: T }>['data'];

/** What a history entry says beyond who, when and which record. */
export type ChangeDetails = Pick<SharingHistoryEntry, 'principal' | 'rights' | 'previousRights' | 'details'>;

/** A new record's own fields; tenant, creator and times come from the event's envelope. */
export interface NewRecord {
  orgId: string;
  ownerMemberId: string;
  ownerName: string;
  itemType: ItemType | null;
  name: string;
  folder: SharingHubRecord['folder'];
  details: Record<string, unknown>;
}

/** What an event changes in its record (updatedAt and lastPosition always move), and how its history reads. */
export interface Evolution {
  record: Partial<Pick<SharingHubRecord, 'name' | 'owner' | 'sharedWith' | 'folder' | 'deleted' | 'deletedAt'>>;
  change: SharingChange;
  entry?: ChangeDetails;
}

interface RecordRule<D> {
  kind: SharingHubKind;
  /** The id of the record the event is about. */
  id(data: D): string;
}

/** An event that starts its record: applied only when the record does not exist yet. */
export interface CreationRule<D> extends RecordRule<D> {
  create(data: D): NewRecord;
}

/** An event that changes an existing record, or undefined when it changes nothing the hub shows. */
export interface EvolutionRule<D> extends RecordRule<D> {
  evolve(record: SharingHubRecord, data: D, occurredAt: string): Evolution | undefined;
}

export type SharingHubRule<D> = CreationRule<D> | EvolutionRule<D>;

/**
 * What the Sharing Hub does with every vault item and folder event: a rule typed against the
 * event's data, or 'ignored' said in so many words. A vault event without an entry does not compile.
 */
export type SharingHubRules = { readonly [T in HubEventType]: SharingHubRule<DataOf<T>> | 'ignored' };

const ITEM = { kind: 'item', id: (d: { itemId: string }) => d.itemId } as const;
const FOLDER = { kind: 'folder', id: (d: { folderId: string }) => d.folderId } as const;

type Evolve<D> = EvolutionRule<D>['evolve'];

const ownerOf = (d: Pick<NewRecord, 'orgId' | 'ownerMemberId' | 'ownerName'>) => ({
  orgId: d.orgId,
  ownerMemberId: d.ownerMemberId,
  ownerName: d.ownerName,
});
const folderOf = (id: string | null | undefined, name: string | null | undefined) => (id ? { id, name: name ?? id } : null);

const itemCreated = (d: DataOf<'ItemCreated'>): NewRecord => {
  const folder = folderOf(d.folderId, d.folderName);
  const owner = { ownerId: d.ownerMemberId, ownerName: d.ownerName };
  const details = folder ? { ...owner, folderId: folder.id, folderName: folder.name } : owner;
  return { ...ownerOf(d), itemType: d.itemType, name: d.itemName, folder, details };
};

const folderCreated = (d: DataOf<'FolderCreated'>): NewRecord => ({
  ...ownerOf(d),
  itemType: null,
  name: d.folderName,
  folder: null,
  details: { ownerId: d.ownerMemberId, ownerName: d.ownerName },
});

/** Only a new name shows in the hub: an update of other fields changes nothing there. */
const renamed: Evolve<DataOf<'ItemUpdated'>> = (record, { itemName }) => {
  if (typeof itemName !== 'string' || itemName === record.name) return undefined;
  return { record: { name: itemName }, change: 'renamed', entry: { details: { previousName: record.name, newName: itemName } } };
};

const shared: Evolve<{ principal: SharePrincipal; rights: SharingRights }> = (record, { principal, rights }) => ({
  record: { sharedWith: withShare(record.sharedWith, { principal, rights }) },
  change: 'shared',
  entry: { principal, rights },
});

const rightsChanged: Evolve<DataOf<'ItemSharingRightsChanged'>> = (record, { principal, previousRights, newRights }) => ({
  record: { sharedWith: withShare(record.sharedWith, { principal, rights: newRights }) },
  change: 'rights_changed',
  entry: { principal, rights: newRights, previousRights },
});

const revoked: Evolve<{ principal: SharePrincipal; previousRights: SharingRights }> = (record, { principal, previousRights }) => ({
  record: { sharedWith: withoutShare(record.sharedWith, principal) },
  change: 'access_revoked',
  entry: { principal, previousRights },
});

/** The new owner's own share goes, as the domain drops it: an owner needs none. */
const ownerChanged: Evolve<DataOf<'ItemOwnerChanged'>> = (record, d) => {
  const newOwner = { type: 'member' as const, id: d.newOwnerMemberId };
  const dropped = record.sharedWith.find((s) => s.principal.type === 'member' && s.principal.id === newOwner.id);
  const details = {
    previousOwner: { id: d.previousOwnerMemberId, name: d.previousOwnerName },
    newOwner: { id: d.newOwnerMemberId, name: d.newOwnerName },
    ...(dropped && { droppedShare: dropped }),
  };
  const owner = { id: d.newOwnerMemberId, name: d.newOwnerName ?? null };
  return { record: { owner, sharedWith: withoutShare(record.sharedWith, newOwner) }, change: 'owner_changed', entry: { details } };
};

const moved: Evolve<DataOf<'ItemMovedToFolder'>> = (_record, d) => {
  const folder = folderOf(d.newFolderId, d.newFolderName);
  const previousFolder = folderOf(d.previousFolderId, d.previousFolderName);
  return { record: { folder }, change: 'moved', entry: { details: { previousFolder, newFolder: folder } } };
};

const deleted: Evolve<unknown> = (_record, _data, occurredAt) => ({ record: { deleted: true, deletedAt: occurredAt }, change: 'deleted' });
const restored: Evolve<unknown> = () => ({ record: { deleted: false, deletedAt: null }, change: 'restored' });

export const SHARING_HUB_RULES: SharingHubRules = {
  ItemCreated: { ...ITEM, create: itemCreated },
  // Using an item changes neither who owns it nor who it is shared with.
  ItemUsed: 'ignored',
  ItemUpdated: { ...ITEM, evolve: renamed },
  ItemShared: { ...ITEM, evolve: shared },
  ItemSharingRightsChanged: { ...ITEM, evolve: rightsChanged },
  ItemAccessRevoked: { ...ITEM, evolve: revoked },
  ItemOwnerChanged: { ...ITEM, evolve: ownerChanged },
  ItemMovedToFolder: { ...ITEM, evolve: moved },
  ItemDeleted: { ...ITEM, evolve: deleted },
  ItemRestored: { ...ITEM, evolve: restored },
  FolderCreated: { ...FOLDER, create: folderCreated },
  FolderShared: { ...FOLDER, evolve: shared },
  FolderAccessRevoked: { ...FOLDER, evolve: revoked },
  FolderDeleted: { ...FOLDER, evolve: deleted },
};

type PolicyEventType = OrgPoliciesEvent['type'];

/** What a policy event says of the policy it names. */
export interface PolicyState {
  orgId: string;
  policyKey: PolicyKey;
  enabled: boolean;
}

/** Every policy event, read for the one policy the hub shows (the projection filters by key). */
export type SharingPolicyRules = {
  readonly [T in PolicyEventType]: (data: Extract<OrgPoliciesEvent, { type: T }>['data']) => PolicyState;
};

export const SHARING_POLICY_RULES: SharingPolicyRules = {
  PolicyEnabled: ({ orgId, policyKey }) => ({ orgId, policyKey, enabled: true }),
  PolicyDisabled: ({ orgId, policyKey }) => ({ orgId, policyKey, enabled: false }),
};
