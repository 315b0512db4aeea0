import { Role } from '../access/roles';
import { Initiator } from '../shared/initiator';
import { PrincipalRef, SharePrincipal, SharingRights } from './sharing';

interface FolderCommandBase {
  folderId: string;
  by: Initiator;
}

export type CreateFolder = FolderCommandBase & { type: 'CreateFolder'; folderName: string };
export type ShareFolder = FolderCommandBase & { type: 'ShareFolder'; principal: SharePrincipal; rights: SharingRights };
export type RevokeFolderAccess = FolderCommandBase & { type: 'RevokeFolderAccess'; principal: PrincipalRef };
export type DeleteFolder = FolderCommandBase & { type: 'DeleteFolder' };

export type FolderCommand = CreateFolder | ShareFolder | RevokeFolderAccess | DeleteFolder;

/** Every organization member has a vault; what they may do to one item or folder is the decider's call. */
const orgMembers: Role[] = ['org_owner', 'org_admin', 'org_member'];

export const folderPermissions: Record<FolderCommand['type'], readonly Role[]> = {
  CreateFolder: orgMembers,
  ShareFolder: orgMembers,
  RevokeFolderAccess: orgMembers,
  DeleteFolder: orgMembers,
};

export const folderStream = (folderId: string) => `folder-${folderId}`;
