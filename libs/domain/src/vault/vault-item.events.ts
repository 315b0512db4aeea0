import { DomainEvent } from '../shared/decider';
import { SharePrincipal, SharingRights } from './sharing';

export const ITEM_TYPES = [
  'password',
  'secure_note',
  'credit_card',
  'personal_info',
  'passkey',
  'bank_account',
  'ssh_key',
  'software_license',
] as const;
export const ITEM_USAGES = ['viewed', 'copied', 'autofilled'] as const;

export type ItemType = (typeof ITEM_TYPES)[number];
export type ItemUsage = (typeof ITEM_USAGES)[number];

/** What every item event carries so the log can show the item without looking it up. */
export type ItemRef = { itemId: string; itemType: ItemType; itemName: string };

/** A changed field; only the name has values: secret fields are named, never shown. */
export type ItemChange = { field: string; previousValue?: string; newValue?: string };

export type ItemCreated = DomainEvent<
  'ItemCreated',
  ItemRef & { orgId: string; ownerMemberId: string; ownerName: string; folderId?: string; folderName?: string }
>;
export type ItemUsed = DomainEvent<'ItemUsed', ItemRef & { usage: ItemUsage; field?: string }>;
export type ItemUpdated = DomainEvent<'ItemUpdated', ItemRef & { changes: ItemChange[] }>;
export type ItemShared = DomainEvent<'ItemShared', ItemRef & { principal: SharePrincipal; rights: SharingRights }>;
export type ItemSharingRightsChanged = DomainEvent<
  'ItemSharingRightsChanged',
  ItemRef & { principal: SharePrincipal; previousRights: SharingRights; newRights: SharingRights }
>;
export type ItemAccessRevoked = DomainEvent<
  'ItemAccessRevoked',
  ItemRef & { principal: SharePrincipal; previousRights: SharingRights }
>;
export type ItemOwnerChanged = DomainEvent<
  'ItemOwnerChanged',
  ItemRef & { previousOwnerMemberId: string; previousOwnerName: string; newOwnerMemberId: string; newOwnerName: string }
>;
export type ItemMovedToFolder = DomainEvent<
  'ItemMovedToFolder',
  ItemRef & {
    previousFolderId: string | null;
    previousFolderName: string | null;
    newFolderId: string | null;
    newFolderName: string | null;
  }
>;
export type ItemDeleted = DomainEvent<'ItemDeleted', ItemRef>;
export type ItemRestored = DomainEvent<'ItemRestored', ItemRef>;

export type VaultItemEvent =
  | ItemCreated
  | ItemUsed
  | ItemUpdated
  | ItemShared
  | ItemSharingRightsChanged
  | ItemAccessRevoked
  | ItemOwnerChanged
  | ItemMovedToFolder
  | ItemDeleted
  | ItemRestored;
