import { Decider } from '../shared/decider';
import { NotFound, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';
import {
  displayNameOf,
  isOrgOwner,
  recordLabel,
  requireAccess,
  requireNewShareTarget,
  requireShare,
  Share,
  withoutShare,
  withShare,
} from './sharing';
import { CreateFolder, FolderCommand, RevokeFolderAccess, ShareFolder } from './folder.commands';
import { FolderEvent, FolderRef } from './folder.events';

export type FolderState =
  | { exists: false }
  | {
      exists: true;
      folderId: string;
      folderName: string;
      orgId: string;
      ownerMemberId: string;
      shares: readonly Share[];
      deleted: boolean;
    };

type Folder = Extract<FolderState, { exists: true }>;

/** What an organization owner may do to any folder of the organization (see isOrgOwner). */
const ORG_OWNER_MANAGES: ReadonlySet<FolderCommand['type']> = new Set(['RevokeFolderAccess', 'DeleteFolder']);

export const folderDecider: Decider<FolderCommand, FolderEvent, FolderState> = {
  initialState: { exists: false },
  evolve,
  decide,
};

function evolve(state: FolderState, event: FolderEvent): FolderState {
  if (event.type === 'FolderCreated') {
    const { folderId, folderName, orgId, ownerMemberId } = event.data;
    return { exists: true, folderId, folderName, orgId, ownerMemberId, shares: [], deleted: false };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'FolderShared':
      return { ...state, shares: withShare(state.shares, { principal: event.data.principal, rights: event.data.rights }) };
    case 'FolderAccessRevoked':
      return { ...state, shares: withoutShare(state.shares, event.data.principal) };
    case 'FolderDeleted':
      return { ...state, deleted: true };
  }
}

function decide(command: FolderCommand, state: FolderState): FolderEvent[] {
  if (command.type === 'CreateFolder') return create(command, state);
  const folder = liveFolder(state, command.folderId, command.by);
  authorize(command, folder);
  switch (command.type) {
    case 'ShareFolder':
      return share(command, folder);
    case 'RevokeFolderAccess':
      return revoke(command, folder);
    case 'DeleteFolder':
      return [{ type: 'FolderDeleted', data: refOf(folder) }];
  }
}

/** Sharing and deleting need manage rights on the folder, unless an organization owner manages it. */
function authorize(command: Exclude<FolderCommand, CreateFolder>, folder: Folder): void {
  if (isOrgOwner(command.by) && ORG_OWNER_MANAGES.has(command.type)) return;
  requireAccess(folder, command.by, 'manage', labelOf(folder));
}

/** Where an item may go: a live folder of the initiator's organization that they may edit. */
export function folderForItems(state: FolderState, folderId: string, by: Initiator): FolderRef {
  const folder = liveFolder(state, folderId, by);
  requireAccess(folder, by, 'edit', labelOf(folder));
  return refOf(folder);
}

function create(command: CreateFolder, state: FolderState): FolderEvent[] {
  if (state.exists) throw new Refused(`Folder ${command.folderId} already exists`);
  const orgId = command.by.orgId;
  if (!orgId) throw new NotFound('Only a member of an organization can create folders');
  const owner = { ownerMemberId: command.by.memberId, ownerName: displayNameOf(command.by) };
  return [{ type: 'FolderCreated', data: { folderId: command.folderId, folderName: command.folderName, orgId, ...owner } }];
}

function share(command: ShareFolder, folder: Folder): FolderEvent[] {
  const { type, id, displayName } = command.principal;
  requireNewShareTarget(folder, command.principal, labelOf(folder));
  return [{ type: 'FolderShared', data: { ...refOf(folder), principal: { type, id, displayName }, rights: command.rights } }];
}

function revoke(command: RevokeFolderAccess, folder: Folder): FolderEvent[] {
  const { principal, rights: previousRights } = requireShare(folder, command.principal, labelOf(folder));
  return [{ type: 'FolderAccessRevoked', data: { ...refOf(folder), principal, previousRights } }];
}

/** A folder of another organization looks like a missing one; a deleted one refuses everything. */
function liveFolder(state: FolderState, folderId: string, by: Initiator): Folder {
  if (!state.exists || state.orgId !== by.orgId) throw new NotFound(`Folder ${folderId} not found`);
  if (state.deleted) throw new Refused(`Folder ${state.folderId} is deleted`);
  return state;
}

/** Refusals name the folder by id only: see recordLabel. */
const labelOf = (folder: Folder) => recordLabel('folder', folder.folderId);

const refOf = (folder: Folder): FolderRef => ({ folderId: folder.folderId, folderName: folder.folderName });
