import { ItemOrFolderRef, TargetRef } from '../catalog/event-describer';
import { FolderEvent } from './folder.events';
import { VaultItemEvent } from './vault-item.events';
import { vaultDescribers } from './vault.catalog';

interface Case {
  name?: string;
  event: VaultItemEvent | FolderEvent;
  action: string;
  target: TargetRef;
  item: ItemOrFolderRef;
  /** What an owner reads. */
  summary: string;
  /** What an admin reads: generic details only. */
  redacted: string;
  /** Item types and item and folder names that must not reach an admin, beyond those of `item`. */
  hidden?: string[];
}

const orgId = 'org-1';
const bob = { type: 'member', id: 'm-bob', displayName: 'Bob Stone' } as const;
const team = { type: 'group', id: 'g-ops', displayName: 'Ops team' } as const;

const bank = { itemId: 'i-1', itemType: 'password', itemName: 'Bank login' } as const;
const bankTarget: TargetRef = { type: 'item', id: 'i-1', name: 'Bank login' };
const bankItem: ItemOrFolderRef = { id: 'i-1', type: 'password', name: 'Bank login' };

const finance = { folderId: 'f-1', folderName: 'Finance' };
const financeTarget: TargetRef = { type: 'folder', id: 'f-1', name: 'Finance' };
const financeItem: ItemOrFolderRef = { id: 'f-1', type: 'folder', name: 'Finance' };

/** One case per event type first (the table the area is checked against), then variants. */
const cases: Case[] = [
  {
    event: {
      type: 'ItemCreated',
      data: { ...bank, orgId, ownerMemberId: 'm-ann', ownerName: 'Ann', ...finance },
    },
    action: 'Created item',
    target: bankTarget,
    item: bankItem,
    summary: "Ann created password 'Bank login' in folder 'Finance'",
    redacted: 'Ann created an item in a folder',
    hidden: ['Finance'],
  },
  {
    event: { type: 'ItemUsed', data: { itemId: 'i-2', itemType: 'credit_card', itemName: 'Corporate Visa', usage: 'copied', field: 'cvv' } },
    action: 'Used item',
    target: { type: 'item', id: 'i-2', name: 'Corporate Visa' },
    item: { id: 'i-2', type: 'credit_card', name: 'Corporate Visa' },
    summary: "Ann copied credit card 'Corporate Visa' (field 'cvv')",
    redacted: 'Ann copied an item',
    hidden: ['cvv'],
  },
  {
    event: {
      type: 'ItemUpdated',
      data: {
        itemId: 'i-3',
        itemType: 'secure_note',
        itemName: 'Wi-Fi guest network',
        changes: [{ field: 'name', previousValue: 'Wi-Fi', newValue: 'Wi-Fi guest network' }, { field: 'notes' }],
      },
    },
    action: 'Updated item',
    target: { type: 'item', id: 'i-3', name: 'Wi-Fi guest network' },
    item: { id: 'i-3', type: 'secure_note', name: 'Wi-Fi guest network' },
    summary: "Ann renamed secure note 'Wi-Fi' to 'Wi-Fi guest network' and updated notes",
    redacted: 'Ann renamed an item and updated 1 field',
    hidden: ['Wi-Fi', 'notes'],
  },
  {
    event: { type: 'ItemShared', data: { ...bank, principal: bob, rights: 'edit' } },
    action: 'Shared item',
    target: bankTarget,
    item: bankItem,
    summary: "Ann shared password 'Bank login' with Bob Stone (edit)",
    redacted: 'Ann shared an item with Bob Stone (edit)',
  },
  {
    event: {
      type: 'ItemSharingRightsChanged',
      data: { ...bank, principal: team, previousRights: 'view', newRights: 'manage' },
    },
    action: 'Changed sharing rights',
    target: bankTarget,
    item: bankItem,
    summary: "Ann changed the rights of group 'Ops team' on password 'Bank login' from view to manage",
    redacted: "Ann changed the rights of group 'Ops team' on an item from view to manage",
  },
  {
    event: {
      type: 'ItemAccessRevoked',
      data: { itemId: 'i-4', itemType: 'ssh_key', itemName: 'Prod bastion', principal: bob, previousRights: 'view' },
    },
    action: 'Revoked item access',
    target: { type: 'item', id: 'i-4', name: 'Prod bastion' },
    item: { id: 'i-4', type: 'ssh_key', name: 'Prod bastion' },
    summary: "Ann revoked view access to SSH key 'Prod bastion' from Bob Stone",
    redacted: 'Ann revoked view access to an item from Bob Stone',
  },
  {
    event: {
      type: 'ItemOwnerChanged',
      data: {
        itemId: 'i-5',
        itemType: 'bank_account',
        itemName: 'Payroll account',
        previousOwnerMemberId: 'm-bob',
        previousOwnerName: 'Bob Stone',
        newOwnerMemberId: 'm-cara',
        newOwnerName: 'Cara Diaz',
      },
    },
    action: 'Changed item owner',
    target: { type: 'item', id: 'i-5', name: 'Payroll account' },
    item: { id: 'i-5', type: 'bank_account', name: 'Payroll account' },
    summary: "Ann transferred ownership of bank account 'Payroll account' from Bob Stone to Cara Diaz",
    redacted: 'Ann transferred ownership of an item from Bob Stone to Cara Diaz',
  },
  {
    event: {
      type: 'ItemMovedToFolder',
      data: { ...bank, previousFolderId: 'f-1', previousFolderName: 'Finance', newFolderId: 'f-2', newFolderName: 'Archive 2023' },
    },
    action: 'Moved item',
    target: bankTarget,
    item: bankItem,
    summary: "Ann moved password 'Bank login' from folder 'Finance' to folder 'Archive 2023'",
    redacted: 'Ann moved an item from a folder to another folder',
    hidden: ['Finance', 'Archive 2023'],
  },
  {
    event: { type: 'ItemDeleted', data: { itemId: 'i-6', itemType: 'software_license', itemName: 'Adobe CC' } },
    action: 'Deleted item',
    target: { type: 'item', id: 'i-6', name: 'Adobe CC' },
    item: { id: 'i-6', type: 'software_license', name: 'Adobe CC' },
    summary: "Ann deleted software license 'Adobe CC'",
    redacted: 'Ann deleted an item',
  },
  {
    event: { type: 'ItemRestored', data: { itemId: 'i-7', itemType: 'personal_info', itemName: 'Passport' } },
    action: 'Restored item',
    target: { type: 'item', id: 'i-7', name: 'Passport' },
    item: { id: 'i-7', type: 'personal_info', name: 'Passport' },
    summary: "Ann restored personal info 'Passport'",
    redacted: 'Ann restored an item',
  },
  {
    event: { type: 'FolderCreated', data: { ...finance, orgId, ownerMemberId: 'm-ann', ownerName: 'Ann' } },
    action: 'Created folder',
    target: financeTarget,
    item: financeItem,
    summary: "Ann created folder 'Finance'",
    redacted: 'Ann created a folder',
  },
  {
    event: { type: 'FolderShared', data: { ...finance, principal: team, rights: 'manage' } },
    action: 'Shared folder',
    target: financeTarget,
    item: financeItem,
    summary: "Ann shared folder 'Finance' with group 'Ops team' (manage)",
    redacted: "Ann shared a folder with group 'Ops team' (manage)",
  },
  {
    event: { type: 'FolderAccessRevoked', data: { ...finance, principal: bob, previousRights: 'edit' } },
    action: 'Revoked folder access',
    target: financeTarget,
    item: financeItem,
    summary: "Ann revoked edit access to folder 'Finance' from Bob Stone",
    redacted: 'Ann revoked edit access to a folder from Bob Stone',
  },
  {
    event: { type: 'FolderDeleted', data: finance },
    action: 'Deleted folder',
    target: financeTarget,
    item: financeItem,
    summary: "Ann deleted folder 'Finance'",
    redacted: 'Ann deleted a folder',
  },
  {
    name: 'ItemCreated, in no folder',
    event: { type: 'ItemCreated', data: { itemId: 'i-8', itemType: 'passkey', itemName: 'GitHub', orgId, ownerMemberId: 'm-ann', ownerName: 'Ann' } },
    action: 'Created item',
    target: { type: 'item', id: 'i-8', name: 'GitHub' },
    item: { id: 'i-8', type: 'passkey', name: 'GitHub' },
    summary: "Ann created passkey 'GitHub'",
    redacted: 'Ann created an item',
  },
  {
    name: 'ItemUsed, no field',
    event: { type: 'ItemUsed', data: { ...bank, usage: 'autofilled' } },
    action: 'Used item',
    target: bankTarget,
    item: bankItem,
    summary: "Ann autofilled password 'Bank login'",
    redacted: 'Ann autofilled an item',
  },
  {
    name: 'ItemUpdated, fields only',
    event: { type: 'ItemUpdated', data: { ...bank, changes: [{ field: 'username' }, { field: 'url' }] } },
    action: 'Updated item',
    target: bankTarget,
    item: bankItem,
    summary: "Ann updated password 'Bank login' (username, url)",
    redacted: 'Ann updated an item (2 fields)',
    hidden: ['username', 'url'],
  },
  {
    name: 'ItemUpdated, renamed only',
    event: {
      type: 'ItemUpdated',
      data: { ...bank, changes: [{ field: 'name', previousValue: 'Bank', newValue: 'Bank login' }] },
    },
    action: 'Updated item',
    target: bankTarget,
    item: bankItem,
    summary: "Ann renamed password 'Bank' to 'Bank login'",
    redacted: 'Ann renamed an item',
  },
  {
    name: 'ItemMovedToFolder, into a folder',
    event: {
      type: 'ItemMovedToFolder',
      data: { ...bank, previousFolderId: null, previousFolderName: null, newFolderId: 'f-1', newFolderName: 'Finance' },
    },
    action: 'Moved item',
    target: bankTarget,
    item: bankItem,
    summary: "Ann moved password 'Bank login' to folder 'Finance'",
    redacted: 'Ann moved an item to a folder',
    hidden: ['Finance'],
  },
  {
    name: 'ItemMovedToFolder, out of its folder',
    event: {
      type: 'ItemMovedToFolder',
      data: { ...bank, previousFolderId: 'f-1', previousFolderName: 'Finance', newFolderId: null, newFolderName: null },
    },
    action: 'Moved item',
    target: bankTarget,
    item: bankItem,
    summary: "Ann moved password 'Bank login' out of folder 'Finance'",
    redacted: 'Ann moved an item out of a folder',
    hidden: ['Finance'],
  },
];

/** Everything an admin must not read: the item or folder name, the item type (raw and as shown), and more. */
function hiddenFrom(c: Case): string[] {
  const type = c.item.type === 'folder' ? [] : [c.item.type ?? '', (c.item.type ?? '').replace(/_/g, ' ')];
  return [c.item.name ?? '', ...type, ...(c.hidden ?? [])].filter(Boolean);
}

describe('vault describers', () => {
  it('describe every event type of the area, and only those', () => {
    expect([...new Set(cases.map((c) => c.event.type))].sort()).toEqual(Object.keys(vaultDescribers).sort());
  });

  describe.each(cases.map((c) => [c.name ?? c.event.type, c] as const))('%s', (_name, c) => {
    const describer = vaultDescribers[c.event.type];

    it('has its action, target and item', () => {
      expect(describer.action).toBe(c.action);
      expect(describer.target(c.event.data)).toEqual(c.target);
      expect(describer.item?.(c.event.data)).toEqual(c.item);
      expect(describer.initiator).toBeUndefined();
    });

    it('reads in full for owners', () => {
      expect(describer.summary(c.event.data, { redact: false, initiatorName: 'Ann' })).toBe(c.summary);
    });

    it('reads without item type, item name or folder name for admins', () => {
      const redacted = describer.summary(c.event.data, { redact: true, initiatorName: 'Ann' });
      expect(redacted).toBe(c.redacted);
      for (const secret of hiddenFrom(c)) expect(redacted.toLowerCase()).not.toContain(secret.toLowerCase());
    });
  });
});
