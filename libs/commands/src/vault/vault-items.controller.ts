import { Body } from '@nestjs/common';
import { UuidParam } from '@app/http';
import { CommandController, CommandRoute } from '../shared/command-route.decorator';
import { NewId } from '../shared/idempotency/derived-ids';
import {
  ChangeItemOwnerDto, ChangeSharingRightsDto, CreateItemDto, MoveItemToFolderDto, RevokeAccessDto, ShareDto, UpdateItemDto, UseItemDto,
} from './vault.dto';

const ItemId = () => UuidParam('itemId');

/** Vault items of the caller's organization: creation, use, changes, sharing, ownership, deletion. */
@CommandController('vault/items', 'Vault Items and Folders')
export class VaultItemsController {
  @CommandRoute('POST', '', { command: 'CreateItem', status: 201, summary: 'Create an item, optionally in a folder' })
  create(@Body() body: CreateItemDto, @NewId() itemId: string) {
    const { itemType, itemName, folderId } = body;
    return { itemId, itemType, itemName, folderId };
  }

  @CommandRoute('POST', ':itemId/use', { command: 'UseItem', status: 200, summary: 'Record an item viewed, copied or autofilled' })
  use(@ItemId() itemId: string, @Body() body: UseItemDto) {
    return { itemId, usage: body.usage, field: body.field };
  }

  @CommandRoute('POST', ':itemId/update', { command: 'UpdateItem', status: 200, summary: 'Record an item update (field names only)' })
  update(@ItemId() itemId: string, @Body() body: UpdateItemDto) {
    const { itemName, changedFields } = body;
    return { itemId, itemName, changedFields };
  }

  @CommandRoute('POST', ':itemId/share', { command: 'ShareItem', status: 200, summary: 'Share an item with a member or group' })
  share(@ItemId() itemId: string, @Body() body: ShareDto) {
    const { type, id, displayName } = body.principal;
    return { itemId, principal: { type, id, displayName }, rights: body.rights };
  }

  @CommandRoute('POST', ':itemId/sharing-rights', { command: 'ChangeItemSharingRights', status: 200, summary: 'Change a share’s rights' })
  changeRights(@ItemId() itemId: string, @Body() body: ChangeSharingRightsDto) {
    return { itemId, principal: { type: body.principal.type, id: body.principal.id }, rights: body.rights };
  }

  @CommandRoute('POST', ':itemId/revoke', { command: 'RevokeItemAccess', status: 200, summary: 'Revoke a share' })
  revoke(@ItemId() itemId: string, @Body() body: RevokeAccessDto) {
    return { itemId, principal: { type: body.principal.type, id: body.principal.id } };
  }

  @CommandRoute('POST', ':itemId/owner', { command: 'ChangeItemOwner', status: 200, summary: 'Hand an item to another owner' })
  changeOwner(@ItemId() itemId: string, @Body() body: ChangeItemOwnerDto) {
    return { itemId, newOwner: { memberId: body.newOwnerMemberId, displayName: body.newOwnerName } };
  }

  @CommandRoute('POST', ':itemId/move', { command: 'MoveItemToFolder', status: 200, summary: 'Move an item into a folder, or out of one' })
  move(@ItemId() itemId: string, @Body() body: MoveItemToFolderDto) {
    return { itemId, folderId: body.folderId ?? null };
  }

  @CommandRoute('POST', ':itemId/delete', { command: 'DeleteItem', status: 200, summary: 'Delete an item' })
  delete(@ItemId() itemId: string) {
    return { itemId };
  }

  @CommandRoute('POST', ':itemId/restore', { command: 'RestoreItem', status: 200, summary: 'Restore a deleted item' })
  restore(@ItemId() itemId: string) {
    return { itemId };
  }
}
