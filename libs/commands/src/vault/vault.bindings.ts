import {
  CreateItem, folderDecider, folderForItems, folderPermissions, FolderRef, folderStream, Initiator, MoveItemToFolder,
  VaultItemCommand, vaultItemDecider, vaultItemPermissions, vaultItemStream,
} from '@app/domain';
import { BindingIo, bindDecider, supervisedOrganizationTenant } from '../shared/command-binding';
import { DecidedStates } from '../shared/decided-states';

/** What a route sends for a vault item: the command, except that a target folder is named by its id. */
export type VaultItemRequest =
  | Exclude<VaultItemCommand, CreateItem | MoveItemToFolder>
  | (Omit<CreateItem, 'folder'> & { folderId?: string })
  | (Omit<MoveItemToFolder, 'folder'> & { folderId: string | null });

export const vaultItemBinding = bindDecider(vaultItemDecider, {
  permissions: vaultItemPermissions,
  streamId: (c) => vaultItemStream(c.itemId),
  aggregateId: (c) => c.itemId,
  tenant: supervisedOrganizationTenant,
  resolve: (request: VaultItemRequest, _ctx, io) => withFolder(request, io),
});

export const folderBinding = bindDecider(folderDecider, {
  permissions: folderPermissions,
  streamId: (c) => folderStream(c.folderId),
  aggregateId: (c) => c.folderId,
  tenant: supervisedOrganizationTenant,
});

/** A folder named by id becomes the command's folder: a live one of the organization the initiator may edit (404/403/409 if not). */
async function withFolder(request: VaultItemRequest, { states }: BindingIo): Promise<VaultItemCommand> {
  if (request.type === 'CreateItem') {
    const { folderId, ...command } = request;
    return folderId ? { ...command, folder: await folderFor(states, folderId, command.by) } : command;
  }
  if (request.type === 'MoveItemToFolder') {
    const { folderId, ...command } = request;
    return { ...command, folder: folderId === null ? null : await folderFor(states, folderId, command.by) };
  }
  return request;
}

async function folderFor(states: DecidedStates, folderId: string, by: Initiator): Promise<FolderRef> {
  const { state } = await states.load(folderDecider, folderStream(folderId));
  return folderForItems(state, folderId, by);
}
