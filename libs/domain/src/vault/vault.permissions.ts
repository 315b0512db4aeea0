import { Role } from '../access/roles';
import { FolderCommand } from './folder.commands';
import { VaultItemCommand } from './vault-item.commands';

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

export const folderPermissions: Record<FolderCommand['type'], readonly Role[]> = {
  CreateFolder: orgMembers,
  ShareFolder: orgMembers,
  RevokeFolderAccess: orgMembers,
  DeleteFolder: orgMembers,
};

export const vaultPermissions = { ...vaultItemPermissions, ...folderPermissions };
