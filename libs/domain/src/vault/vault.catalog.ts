import { BusinessCategory } from '../catalog/activity-category';
import { folderLabel, itemLabel, principalLabel, quote } from '../catalog/describe-helpers';
import { AreaExamples } from '../catalog/catalog-example';
import { BusinessAreaDescribers, DescriberMap, ItemOrFolderRef, TargetRef } from '../catalog/event-describer';
import { FolderEvent, FolderRef } from './folder.events';
import { ItemChange, ItemRef, VaultItemEvent } from './vault-item.events';
import { AreaPrivacy, PersonalField } from '../privacy/personal-data';
import { SharePrincipal } from './sharing';

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

const orgId = 'org-sample';
const team = { type: 'group', id: 'g-ops', displayName: 'Ops team' } as const;
const member = { type: 'member', id: 'm-bob', displayName: 'Bob Stone' } as const;
const bank = { itemId: 'i-bank', itemType: 'password', itemName: 'Bank login' } as const;
const bankHidden = ['Bank login', 'password'];
const finance = { folderId: 'f-finance', folderName: 'Finance folder' };

/** A realistic instance of each event and what a reader with generic item details must never see of it. */
export const vaultExamples: AreaExamples<VaultItemEvent | FolderEvent> = {
  ItemCreated: {
    data: { ...bank, orgId, ownerMemberId: 'm-ann', ownerName: 'Ann', ...finance },
    hidden: [...bankHidden, 'Finance folder'],
  },
  ItemUsed: {
    data: { itemId: 'i-card', itemType: 'credit_card', itemName: 'Corporate Visa', usage: 'copied', field: 'cvv' },
    hidden: ['Corporate Visa', 'credit_card', 'credit card', 'cvv'],
  },
  ItemUpdated: {
    data: {
      itemId: 'i-note', itemType: 'secure_note', itemName: 'Wi-Fi guest network',
      changes: [{ field: 'name', previousValue: 'Wi-Fi', newValue: 'Wi-Fi guest network' }, { field: 'notes' }],
    },
    hidden: ['Wi-Fi', 'secure_note', 'secure note', 'notes'],
  },
  ItemShared: { data: { ...bank, principal: member, rights: 'edit' }, hidden: bankHidden },
  ItemSharingRightsChanged: { data: { ...bank, principal: team, previousRights: 'view', newRights: 'manage' }, hidden: bankHidden },
  ItemAccessRevoked: {
    data: { itemId: 'i-ssh', itemType: 'ssh_key', itemName: 'Prod bastion', principal: member, previousRights: 'view' },
    hidden: ['Prod bastion', 'ssh_key', 'SSH key'],
  },
  ItemOwnerChanged: {
    data: {
      itemId: 'i-payroll', itemType: 'bank_account', itemName: 'Payroll account',
      previousOwnerMemberId: 'm-bob', previousOwnerName: 'Bob Stone', newOwnerMemberId: 'm-cara', newOwnerName: 'Cara Diaz',
    },
    hidden: ['Payroll account', 'bank_account', 'bank account'],
  },
  ItemMovedToFolder: {
    data: { ...bank, previousFolderId: 'f-finance', previousFolderName: 'Finance folder', newFolderId: 'f-archive', newFolderName: 'Archive 2023' },
    hidden: [...bankHidden, 'Finance folder', 'Archive 2023'],
  },
  ItemDeleted: { data: { itemId: 'i-adobe', itemType: 'software_license', itemName: 'Adobe CC' }, hidden: ['Adobe CC', 'software_license', 'software license'] },
  ItemRestored: { data: { itemId: 'i-passport', itemType: 'personal_info', itemName: 'Passport' }, hidden: ['Passport', 'personal_info', 'personal info'] },
  FolderCreated: { data: { ...finance, orgId, ownerMemberId: 'm-ann', ownerName: 'Ann' }, hidden: ['Finance folder'] },
  FolderShared: { data: { ...finance, principal: team, rights: 'manage' }, hidden: ['Finance folder'] },
  FolderAccessRevoked: { data: { ...finance, principal: member, previousRights: 'edit' }, hidden: ['Finance folder'] },
  FolderDeleted: { data: finance, hidden: ['Finance folder'] },
};

/** A share names a person when it is a member's; a group's name is the organization's. */
const sharedWith: readonly PersonalField<{ principal: SharePrincipal }>[] = [
  { path: 'principal.displayName', kind: 'name', subject: (d) => (d.principal.type === 'member' ? d.principal.id : undefined) },
];
const owner: readonly PersonalField<{ ownerMemberId: string; ownerName: string }>[] = [
  { path: 'ownerName', kind: 'name', subject: (d) => d.ownerMemberId },
];
const none = { retention: 'state', personal: [] } as const;

/**
 * Items and folders, their names and types are the organization's data; the people are their
 * owners and the members they are shared with. A use records that it happened: `activity`.
 */
export const vaultPrivacy: AreaPrivacy<VaultItemEvent | FolderEvent> = {
  ItemCreated: { retention: 'state', personal: owner },
  ItemUsed: { retention: 'activity', personal: [] },
  ItemUpdated: none,
  ItemShared: { retention: 'state', personal: sharedWith },
  ItemSharingRightsChanged: { retention: 'state', personal: sharedWith },
  ItemAccessRevoked: { retention: 'state', personal: sharedWith },
  ItemOwnerChanged: {
    retention: 'state',
    personal: [
      { path: 'previousOwnerName', kind: 'name', subject: (d) => d.previousOwnerMemberId },
      { path: 'newOwnerName', kind: 'name', subject: (d) => d.newOwnerMemberId },
    ],
  },
  ItemMovedToFolder: none,
  ItemDeleted: none,
  ItemRestored: none,
  FolderCreated: { retention: 'state', personal: owner },
  FolderShared: { retention: 'state', personal: sharedWith },
  FolderAccessRevoked: { retention: 'state', personal: sharedWith },
  FolderDeleted: none,
};
