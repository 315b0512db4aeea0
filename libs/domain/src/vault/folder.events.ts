import { DomainEvent } from '../shared/decider';
import { SharePrincipal, SharingRights } from './sharing';

/** A folder as every folder event and an item placed in it show it. */
export type FolderRef = { folderId: string; folderName: string };

export type FolderCreated = DomainEvent<
  'FolderCreated',
  FolderRef & { orgId: string; ownerMemberId: string; ownerName: string }
>;
export type FolderShared = DomainEvent<'FolderShared', FolderRef & { principal: SharePrincipal; rights: SharingRights }>;
export type FolderAccessRevoked = DomainEvent<
  'FolderAccessRevoked',
  FolderRef & { principal: SharePrincipal; previousRights: SharingRights }
>;
export type FolderDeleted = DomainEvent<'FolderDeleted', FolderRef>;

export type FolderEvent = FolderCreated | FolderShared | FolderAccessRevoked | FolderDeleted;
