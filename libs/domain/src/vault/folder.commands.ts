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

export const folderStream = (folderId: string) => `folder-${folderId}`;
