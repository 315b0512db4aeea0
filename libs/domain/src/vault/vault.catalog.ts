import { ActivityCategory } from '../catalog/activity-category';
import { FolderEvent } from './folder.events';
import { VaultItemEvent } from './vault-item.events';

export const vaultEventCategories = {
  ItemCreated: 'Vault Items and Folders',
  ItemUsed: 'Vault Items and Folders',
  ItemUpdated: 'Vault Items and Folders',
  ItemShared: 'Vault Items and Folders',
  ItemSharingRightsChanged: 'Vault Items and Folders',
  ItemAccessRevoked: 'Vault Items and Folders',
  ItemOwnerChanged: 'Vault Items and Folders',
  ItemMovedToFolder: 'Vault Items and Folders',
  ItemDeleted: 'Vault Items and Folders',
  ItemRestored: 'Vault Items and Folders',
  FolderCreated: 'Vault Items and Folders',
  FolderShared: 'Vault Items and Folders',
  FolderAccessRevoked: 'Vault Items and Folders',
  FolderDeleted: 'Vault Items and Folders',
} as const satisfies Record<VaultItemEvent['type'] | FolderEvent['type'], ActivityCategory>;
