import { Decider } from '../shared/decider';
import { InvalidInput, NotFound, Refused } from '../shared/domain-errors';
import {
  Access,
  displayNameOf,
  isOrgOwner,
  principalRefLabel,
  recordLabel,
  requireAccess,
  requireNewShareTarget,
  requireShare,
  Share,
  withoutShare,
  withShare,
} from './sharing';
import {
  ChangeItemOwner,
  ChangeItemSharingRights,
  CreateItem,
  MoveItemToFolder,
  RevokeItemAccess,
  ShareItem,
  UpdateItem,
  VaultItemCommand,
} from './vault-item.commands';
import { FolderRef } from './folder.events';
import { ItemChange, ItemCreated, ItemRef, ItemType, VaultItemEvent } from './vault-item.events';

export type VaultItemState =
  | { exists: false }
  | {
      exists: true;
      itemId: string;
      itemType: ItemType;
      itemName: string;
      orgId: string;
      ownerMemberId: string;
      ownerName: string;
      folder: FolderRef | null;
      shares: readonly Share[];
      deleted: boolean;
    };

type Item = Extract<VaultItemState, { exists: true }>;
type LiveCommand = Exclude<VaultItemCommand, CreateItem>;

/** The least access each command needs on the item (owner > manage > edit > view). */
const NEEDED: Record<LiveCommand['type'], Access> = {
  UseItem: 'view',
  UpdateItem: 'edit',
  MoveItemToFolder: 'edit',
  ShareItem: 'manage',
  ChangeItemSharingRights: 'manage',
  RevokeItemAccess: 'manage',
  DeleteItem: 'manage',
  RestoreItem: 'manage',
  ChangeItemOwner: 'owner',
};

/** What an organization owner may do to any item of the organization (see isOrgOwner). */
const ORG_OWNER_MANAGES: ReadonlySet<LiveCommand['type']> = new Set([
  'ChangeItemSharingRights',
  'RevokeItemAccess',
  'ChangeItemOwner',
  'DeleteItem',
  'RestoreItem',
]);

export const vaultItemDecider: Decider<VaultItemCommand, VaultItemEvent, VaultItemState> = {
  initialState: { exists: false },
  evolve,
  decide,
};

function evolve(state: VaultItemState, event: VaultItemEvent): VaultItemState {
  if (event.type === 'ItemCreated') return created(event.data);
  if (!state.exists) return state;
  switch (event.type) {
    case 'ItemUsed':
      return state;
    case 'ItemUpdated':
      return { ...state, itemName: event.data.itemName };
    case 'ItemShared':
      return { ...state, shares: withShare(state.shares, { principal: event.data.principal, rights: event.data.rights }) };
    case 'ItemSharingRightsChanged':
      return { ...state, shares: withShare(state.shares, { principal: event.data.principal, rights: event.data.newRights }) };
    case 'ItemAccessRevoked':
      return { ...state, shares: withoutShare(state.shares, event.data.principal) };
    case 'ItemOwnerChanged':
      return ownerChanged(state, event.data.newOwnerMemberId, event.data.newOwnerName);
    case 'ItemMovedToFolder':
      return { ...state, folder: folderOf(event.data.newFolderId, event.data.newFolderName) };
    case 'ItemDeleted':
      return { ...state, deleted: true };
    case 'ItemRestored':
      return { ...state, deleted: false };
  }
}

function created(data: ItemCreated['data']): Item {
  const { itemId, itemType, itemName, orgId, ownerMemberId, ownerName, folderId, folderName } = data;
  const folder = folderOf(folderId, folderName);
  return { exists: true, itemId, itemType, itemName, orgId, ownerMemberId, ownerName, folder, shares: [], deleted: false };
}

const folderOf = (folderId?: string | null, folderName?: string | null): FolderRef | null =>
  folderId ? { folderId, folderName: folderName ?? folderId } : null;

/** The new owner's own share is dropped: an owner is never a share target. */
function ownerChanged(item: Item, memberId: string, name: string): Item {
  const shares = withoutShare(item.shares, { type: 'member', id: memberId });
  return { ...item, ownerMemberId: memberId, ownerName: name, shares };
}

function decide(command: VaultItemCommand, state: VaultItemState): VaultItemEvent[] {
  if (command.type === 'CreateItem') return create(command, state);
  const item = inOrganization(state, command);
  authorize(command, item);
  if (command.type === 'RestoreItem') return restore(item);
  if (item.deleted) throw new Refused(`Item ${item.itemId} is deleted`);
  return decideLive(command, item);
}

/** The initiator's access on the item must suffice for the command, unless an organization owner manages it. */
function authorize(command: LiveCommand, item: Item): void {
  if (isOrgOwner(command.by) && ORG_OWNER_MANAGES.has(command.type)) return;
  requireAccess(item, command.by, NEEDED[command.type], labelOf(item));
}

function decideLive(command: Exclude<LiveCommand, { type: 'RestoreItem' }>, item: Item): VaultItemEvent[] {
  const ref = refOf(item);
  switch (command.type) {
    case 'UseItem':
      return [{ type: 'ItemUsed', data: { ...ref, usage: command.usage, ...(command.field && { field: command.field }) } }];
    case 'UpdateItem':
      return update(command, item);
    case 'ShareItem':
      return share(command, item);
    case 'ChangeItemSharingRights':
      return changeRights(command, item);
    case 'RevokeItemAccess':
      return revoke(command, item);
    case 'ChangeItemOwner':
      return changeOwner(command, item);
    case 'MoveItemToFolder':
      return move(command, item);
    case 'DeleteItem':
      return [{ type: 'ItemDeleted', data: ref }];
  }
}

function create(command: CreateItem, state: VaultItemState): VaultItemEvent[] {
  if (state.exists) throw new Refused(`Item ${command.itemId} already exists`);
  const orgId = command.by.orgId;
  if (!orgId) throw new NotFound('Only a member of an organization can create items');
  const { itemId, itemType, itemName, folder } = command;
  const owner = { ownerMemberId: command.by.memberId, ownerName: displayNameOf(command.by) };
  return [{ type: 'ItemCreated', data: { itemId, itemType, itemName, orgId, ...owner, ...folder } }];
}

function restore(item: Item): VaultItemEvent[] {
  if (!item.deleted) throw new Refused(`Item ${item.itemId} is not deleted`);
  return [{ type: 'ItemRestored', data: refOf(item) }];
}

function update(command: UpdateItem, item: Item): VaultItemEvent[] {
  const fields = [...new Set(command.changedFields ?? [])];
  if (fields.includes('name')) throw new InvalidInput('A new name is sent as itemName', 'changedFields');
  const newName = command.itemName ?? item.itemName;
  const renamed: ItemChange[] =
    newName === item.itemName ? [] : [{ field: 'name', previousValue: item.itemName, newValue: newName }];
  const changes = [...renamed, ...fields.map((field) => ({ field }))];
  if (changes.length === 0) throw new Refused(`Nothing changed in item ${item.itemId}`);
  return [{ type: 'ItemUpdated', data: { ...refOf(item), itemName: newName, changes } }];
}

function share(command: ShareItem, item: Item): VaultItemEvent[] {
  const { type, id, displayName } = command.principal;
  requireNewShareTarget(item, command.principal, labelOf(item));
  return [{ type: 'ItemShared', data: { ...refOf(item), principal: { type, id, displayName }, rights: command.rights } }];
}

function changeRights(command: ChangeItemSharingRights, item: Item): VaultItemEvent[] {
  const { principal, rights: previousRights } = requireShare(item, command.principal, labelOf(item));
  if (previousRights === command.rights) {
    throw new Refused(`${principalRefLabel(principal)} already has ${previousRights} rights on ${labelOf(item)}`);
  }
  return [{ type: 'ItemSharingRightsChanged', data: { ...refOf(item), principal, previousRights, newRights: command.rights } }];
}

function revoke(command: RevokeItemAccess, item: Item): VaultItemEvent[] {
  const { principal, rights: previousRights } = requireShare(item, command.principal, labelOf(item));
  return [{ type: 'ItemAccessRevoked', data: { ...refOf(item), principal, previousRights } }];
}

function changeOwner(command: ChangeItemOwner, item: Item): VaultItemEvent[] {
  const { memberId, displayName } = command.newOwner;
  if (memberId === item.ownerMemberId) throw new Refused(`member ${memberId} already owns ${labelOf(item)}`);
  const previous = { previousOwnerMemberId: item.ownerMemberId, previousOwnerName: item.ownerName };
  return [{ type: 'ItemOwnerChanged', data: { ...refOf(item), ...previous, newOwnerMemberId: memberId, newOwnerName: displayName } }];
}

function move(command: MoveItemToFolder, item: Item): VaultItemEvent[] {
  const from = item.folder;
  const to = command.folder;
  if ((from?.folderId ?? null) === (to?.folderId ?? null)) {
    throw new Refused(to ? `Item ${item.itemId} is already in folder ${to.folderId}` : `Item ${item.itemId} is in no folder`);
  }
  const previous = { previousFolderId: from?.folderId ?? null, previousFolderName: from?.folderName ?? null };
  const next = { newFolderId: to?.folderId ?? null, newFolderName: to?.folderName ?? null };
  return [{ type: 'ItemMovedToFolder', data: { ...refOf(item), ...previous, ...next } }];
}

/** An item of another organization looks like a missing one. */
function inOrganization(state: VaultItemState, command: LiveCommand): Item {
  if (!state.exists || state.orgId !== command.by.orgId) throw new NotFound(`Item ${command.itemId} not found`);
  return state;
}

/** Refusals name the item by id only: see recordLabel. */
const labelOf = (item: Item) => recordLabel('item', item.itemId);

const refOf = (item: Item): ItemRef => ({ itemId: item.itemId, itemType: item.itemType, itemName: item.itemName });
