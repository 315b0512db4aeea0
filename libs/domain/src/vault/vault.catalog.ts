import { BusinessCategory } from '../catalog/activity-category';
import { folderLabel, itemLabel, principalLabel, quote } from '../catalog/describe-helpers';
import { BusinessAreaDescribers, DescriberMap, ItemOrFolderRef, TargetRef } from '../catalog/event-describer';
import { FolderEvent, FolderRef } from './folder.events';
import { ItemChange, ItemRef, VaultItemEvent } from './vault-item.events';

const itemTarget = (d: ItemRef): TargetRef => ({ type: 'item', id: d.itemId, name: d.itemName });
const itemOf = (d: ItemRef): ItemOrFolderRef => ({ id: d.itemId, type: d.itemType, name: d.itemName });
const folderTarget = (d: FolderRef): TargetRef => ({ type: 'folder', id: d.folderId, name: d.folderName });
const folderOf = (d: FolderRef): ItemOrFolderRef => ({ id: d.folderId, type: 'folder', name: d.folderName });

/** Field names are item content too: admins see how many fields changed, owners which ones. */
function updateSummary(d: ItemRef & { changes: ItemChange[] }, redact: boolean): string {
  const rename = d.changes.find((c) => c.field === 'name');
  const fields = d.changes.filter((c) => c !== rename).map((c) => c.field);
  const fieldText = redact ? `${fields.length} field${fields.length === 1 ? '' : 's'}` : fields.join(', ');
  if (!rename) return `updated ${itemLabel(d, redact)}${fields.length ? ` (${fieldText})` : ''}`;
  const renamed = redact
    ? 'renamed an item'
    : `renamed ${itemLabel({ ...d, itemName: rename.previousValue ?? d.itemName }, false)} to ${quote(d.itemName)}`;
  return fields.length ? `${renamed} and updated ${fieldText}` : renamed;
}

function moveSummary(from: string | null, to: string | null, item: string, redact: boolean): string {
  const folder = (name: string) => folderLabel(name, redact);
  if (from === null && to !== null) return `moved ${item} to ${folder(to)}`;
  if (from !== null && to === null) return `moved ${item} out of ${folder(from)}`;
  if (redact) return `moved ${item} from a folder to another folder`;
  return `moved ${item} from ${folder(from ?? '')} to ${folder(to ?? '')}`;
}

/**
 * How vault item and folder events read in the Activity Log. With `redact` (organization
 * admins) no sentence names an item type, an item name or a folder name.
 */
const describers: BusinessAreaDescribers<VaultItemEvent | FolderEvent> = {
  ItemCreated: {
    category: 'Vault Items and Folders',
    action: 'Created item',
    target: itemTarget,
    item: itemOf,
    summary: (d, v) =>
      `${v.initiatorName} created ${itemLabel(d, v.redact)}` +
      (d.folderId ? ` in ${folderLabel(d.folderName ?? d.folderId, v.redact)}` : ''),
  },
  ItemUsed: {
    category: 'Vault Items and Folders',
    action: 'Used item',
    target: itemTarget,
    item: itemOf,
    summary: (d, v) =>
      `${v.initiatorName} ${d.usage} ${itemLabel(d, v.redact)}` +
      // A field's name may tell the item's type (card number, CVV): owners only.
      (d.field && !v.redact ? ` (field ${quote(d.field)})` : ''),
  },
  ItemUpdated: {
    category: 'Vault Items and Folders',
    action: 'Updated item',
    target: itemTarget,
    item: itemOf,
    summary: (d, v) => `${v.initiatorName} ${updateSummary(d, v.redact)}`,
  },
  ItemShared: {
    category: 'Vault Items and Folders',
    action: 'Shared item',
    target: itemTarget,
    item: itemOf,
    summary: (d, v) =>
      `${v.initiatorName} shared ${itemLabel(d, v.redact)} with ${principalLabel(d.principal)} (${d.rights})`,
  },
  ItemSharingRightsChanged: {
    category: 'Vault Items and Folders',
    action: 'Changed sharing rights',
    target: itemTarget,
    item: itemOf,
    summary: (d, v) =>
      `${v.initiatorName} changed the rights of ${principalLabel(d.principal)} on ${itemLabel(d, v.redact)} ` +
      `from ${d.previousRights} to ${d.newRights}`,
  },
  ItemAccessRevoked: {
    category: 'Vault Items and Folders',
    action: 'Revoked item access',
    target: itemTarget,
    item: itemOf,
    summary: (d, v) =>
      `${v.initiatorName} revoked ${d.previousRights} access to ${itemLabel(d, v.redact)} from ${principalLabel(d.principal)}`,
  },
  ItemOwnerChanged: {
    category: 'Vault Items and Folders',
    action: 'Changed item owner',
    target: itemTarget,
    item: itemOf,
    summary: (d, v) =>
      `${v.initiatorName} transferred ownership of ${itemLabel(d, v.redact)} from ${d.previousOwnerName} to ${d.newOwnerName}`,
  },
  ItemMovedToFolder: {
    category: 'Vault Items and Folders',
    action: 'Moved item',
    target: itemTarget,
    item: itemOf,
    summary: (d, v) => {
      const from = d.previousFolderId ? (d.previousFolderName ?? d.previousFolderId) : null;
      const to = d.newFolderId ? (d.newFolderName ?? d.newFolderId) : null;
      return `${v.initiatorName} ${moveSummary(from, to, itemLabel(d, v.redact), v.redact)}`;
    },
  },
  ItemDeleted: {
    category: 'Vault Items and Folders',
    action: 'Deleted item',
    target: itemTarget,
    item: itemOf,
    summary: (d, v) => `${v.initiatorName} deleted ${itemLabel(d, v.redact)}`,
  },
  ItemRestored: {
    category: 'Vault Items and Folders',
    action: 'Restored item',
    target: itemTarget,
    item: itemOf,
    summary: (d, v) => `${v.initiatorName} restored ${itemLabel(d, v.redact)}`,
  },
  FolderCreated: {
    category: 'Vault Items and Folders',
    action: 'Created folder',
    target: folderTarget,
    item: folderOf,
    summary: (d, v) => `${v.initiatorName} created ${folderLabel(d.folderName, v.redact)}`,
  },
  FolderShared: {
    category: 'Vault Items and Folders',
    action: 'Shared folder',
    target: folderTarget,
    item: folderOf,
    summary: (d, v) =>
      `${v.initiatorName} shared ${folderLabel(d.folderName, v.redact)} with ${principalLabel(d.principal)} (${d.rights})`,
  },
  FolderAccessRevoked: {
    category: 'Vault Items and Folders',
    action: 'Revoked folder access',
    target: folderTarget,
    item: folderOf,
    summary: (d, v) =>
      `${v.initiatorName} revoked ${d.previousRights} access to ${folderLabel(d.folderName, v.redact)} ` +
      `from ${principalLabel(d.principal)}`,
  },
  FolderDeleted: {
    category: 'Vault Items and Folders',
    action: 'Deleted folder',
    target: folderTarget,
    item: folderOf,
    summary: (d, v) => `${v.initiatorName} deleted ${folderLabel(d.folderName, v.redact)}`,
  },
};

export const vaultDescribers: DescriberMap<BusinessCategory> = describers;
