import { Role } from '../access/roles';
import { Initiator } from '../shared/initiator';
import { FolderRef } from './folder.events';
import { PrincipalRef, SharePrincipal, SharingRights } from './sharing';
import { ItemType, ItemUsage } from './vault-item.events';


interface VaultItemCommandBase {
  itemId: string;
  by: Initiator;
}

export type CreateItem = VaultItemCommandBase & {
  type: 'CreateItem';
  itemType: ItemType;
  itemName: string;
  /** Resolved by the handler with `folderForItems`: a live folder of the organization. */
  folder?: FolderRef;
};
export type UseItem = VaultItemCommandBase & { type: 'UseItem'; usage: ItemUsage; field?: string };
/** `changedFields` names the other fields that changed; their values never reach the log. */
export type UpdateItem = VaultItemCommandBase & { type: 'UpdateItem'; itemName?: string; changedFields?: string[] };
export type ShareItem = VaultItemCommandBase & { type: 'ShareItem'; principal: SharePrincipal; rights: SharingRights };
export type ChangeItemSharingRights = VaultItemCommandBase & {
  type: 'ChangeItemSharingRights';
  principal: PrincipalRef;
  rights: SharingRights;
};
export type RevokeItemAccess = VaultItemCommandBase & { type: 'RevokeItemAccess'; principal: PrincipalRef };
export type ChangeItemOwner = VaultItemCommandBase & {
  type: 'ChangeItemOwner';
  newOwner: { memberId: string; displayName: string };
};
export type MoveItemToFolder = VaultItemCommandBase & { type: 'MoveItemToFolder'; folder: FolderRef | null };
export type DeleteItem = VaultItemCommandBase & { type: 'DeleteItem' };
export type RestoreItem = VaultItemCommandBase & { type: 'RestoreItem' };

export type VaultItemCommand =
  | CreateItem
  | UseItem
  | UpdateItem
  | ShareItem
  | ChangeItemSharingRights
  | RevokeItemAccess
  | ChangeItemOwner
  | MoveItemToFolder
  | DeleteItem
  | RestoreItem;

/** Every organization member has a vault; what they may do to one item or folder is the decider's call. */
const orgMembers: Role[] = ['org_owner', 'org_admin', 'org_member'];

export const vaultItemPermissions: Record<VaultItemCommand['type'], readonly Role[]> = {
  CreateItem: orgMembers,
  UseItem: orgMembers,
  UpdateItem: orgMembers,
  ShareItem: orgMembers,
  ChangeItemSharingRights: orgMembers,
  RevokeItemAccess: orgMembers,
  ChangeItemOwner: orgMembers,
  MoveItemToFolder: orgMembers,
  DeleteItem: orgMembers,
  RestoreItem: orgMembers,
};

export const vaultItemStream = (itemId: string) => `vaultItem-${itemId}`;
