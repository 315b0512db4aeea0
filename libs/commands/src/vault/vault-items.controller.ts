import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { v7 as uuidv7 } from 'uuid';
import { VaultItemCommand } from '@app/domain';
import { Authorize, Ctx, RequestContext } from '@app/auth';
import { ApiCommandErrors } from '@app/http';
import { CommandResultDto } from '../shared/command-result.dto';
import { ExecuteVaultItemCommand } from './vault-item-command.handler';
import {
  ChangeItemOwnerDto, ChangeSharingRightsDto, CreateItemDto, MoveItemToFolderDto, RevokeAccessDto, ShareDto, UpdateItemDto, UseItemDto,
} from './vault.dto';

const ItemId = () => Param('itemId', new ParseUUIDPipe());

/** Vault items of the caller's organization: creation, use, changes, sharing, ownership, deletion. */
@ApiTags('Vault Items and Folders')
@ApiBearerAuth()
@ApiCommandErrors()
@Controller('vault/items')
export class VaultItemsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Authorize('CreateItem')
  @ApiCreatedResponse({ type: CommandResultDto })
  create(@Body() body: CreateItemDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    const { itemType, itemName, folderId } = body;
    return this.send({ type: 'CreateItem', itemId: uuidv7(), itemType, itemName, by: ctx.initiator }, ctx, folderId);
  }

  @Post(':itemId/use')
  @HttpCode(200)
  @Authorize('UseItem')
  @ApiOkResponse({ type: CommandResultDto })
  use(@ItemId() itemId: string, @Body() body: UseItemDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'UseItem', itemId, usage: body.usage, field: body.field, by: ctx.initiator }, ctx);
  }

  @Post(':itemId/update')
  @HttpCode(200)
  @Authorize('UpdateItem')
  @ApiOkResponse({ type: CommandResultDto })
  update(@ItemId() itemId: string, @Body() body: UpdateItemDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    const { itemName, changedFields } = body;
    return this.send({ type: 'UpdateItem', itemId, itemName, changedFields, by: ctx.initiator }, ctx);
  }

  @Post(':itemId/share')
  @HttpCode(200)
  @Authorize('ShareItem')
  @ApiOkResponse({ type: CommandResultDto })
  share(@ItemId() itemId: string, @Body() body: ShareDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    const { type, id, displayName } = body.principal;
    return this.send({ type: 'ShareItem', itemId, principal: { type, id, displayName }, rights: body.rights, by: ctx.initiator }, ctx);
  }

  @Post(':itemId/sharing-rights')
  @HttpCode(200)
  @Authorize('ChangeItemSharingRights')
  @ApiOkResponse({ type: CommandResultDto })
  changeRights(@ItemId() itemId: string, @Body() body: ChangeSharingRightsDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    const principal = { type: body.principal.type, id: body.principal.id };
    return this.send({ type: 'ChangeItemSharingRights', itemId, principal, rights: body.rights, by: ctx.initiator }, ctx);
  }

  @Post(':itemId/revoke')
  @HttpCode(200)
  @Authorize('RevokeItemAccess')
  @ApiOkResponse({ type: CommandResultDto })
  revoke(@ItemId() itemId: string, @Body() body: RevokeAccessDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    const principal = { type: body.principal.type, id: body.principal.id };
    return this.send({ type: 'RevokeItemAccess', itemId, principal, by: ctx.initiator }, ctx);
  }

  @Post(':itemId/owner')
  @HttpCode(200)
  @Authorize('ChangeItemOwner')
  @ApiOkResponse({ type: CommandResultDto })
  changeOwner(@ItemId() itemId: string, @Body() body: ChangeItemOwnerDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    const newOwner = { memberId: body.newOwnerMemberId, displayName: body.newOwnerName };
    return this.send({ type: 'ChangeItemOwner', itemId, newOwner, by: ctx.initiator }, ctx);
  }

  @Post(':itemId/move')
  @HttpCode(200)
  @Authorize('MoveItemToFolder')
  @ApiOkResponse({ type: CommandResultDto })
  move(@ItemId() itemId: string, @Body() body: MoveItemToFolderDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'MoveItemToFolder', itemId, folder: null, by: ctx.initiator }, ctx, body.folderId ?? undefined);
  }

  @Post(':itemId/delete')
  @HttpCode(200)
  @Authorize('DeleteItem')
  @ApiOkResponse({ type: CommandResultDto })
  delete(@ItemId() itemId: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'DeleteItem', itemId, by: ctx.initiator }, ctx);
  }

  @Post(':itemId/restore')
  @HttpCode(200)
  @Authorize('RestoreItem')
  @ApiOkResponse({ type: CommandResultDto })
  restore(@ItemId() itemId: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'RestoreItem', itemId, by: ctx.initiator }, ctx);
  }

  /** `folderId` is resolved by the handler into the command's folder. */
  private send(command: VaultItemCommand, ctx: RequestContext, folderId?: string): Promise<CommandResultDto> {
    return this.commandBus.execute(new ExecuteVaultItemCommand(command, ctx, folderId));
  }
}
