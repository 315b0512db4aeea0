import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { v7 as uuidv7 } from 'uuid';
import { FolderCommand } from '@app/domain';
import { Authorize, Ctx, RequestContext } from '@app/auth';
import { ApiCommandErrors } from '@app/http';
import { CommandResultDto } from '../shared/command-result.dto';
import { ExecuteFolderCommand } from './folder-command.handler';
import { CreateFolderDto, RevokeAccessDto, ShareDto } from './vault.dto';

const FolderId = () => Param('folderId', new ParseUUIDPipe());

/** Vault folders of the caller's organization: creation, sharing, deletion. */
@ApiTags('Vault Items and Folders')
@ApiBearerAuth()
@ApiCommandErrors()
@Controller('vault/folders')
export class FoldersController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Authorize('CreateFolder')
  @ApiCreatedResponse({ type: CommandResultDto })
  create(@Body() body: CreateFolderDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'CreateFolder', folderId: uuidv7(), folderName: body.folderName, by: ctx.initiator }, ctx);
  }

  @Post(':folderId/share')
  @HttpCode(200)
  @Authorize('ShareFolder')
  @ApiOkResponse({ type: CommandResultDto })
  share(@FolderId() folderId: string, @Body() body: ShareDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    const { type, id, displayName } = body.principal;
    return this.send({ type: 'ShareFolder', folderId, principal: { type, id, displayName }, rights: body.rights, by: ctx.initiator }, ctx);
  }

  @Post(':folderId/revoke')
  @HttpCode(200)
  @Authorize('RevokeFolderAccess')
  @ApiOkResponse({ type: CommandResultDto })
  revoke(@FolderId() folderId: string, @Body() body: RevokeAccessDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    const principal = { type: body.principal.type, id: body.principal.id };
    return this.send({ type: 'RevokeFolderAccess', folderId, principal, by: ctx.initiator }, ctx);
  }

  @Post(':folderId/delete')
  @HttpCode(200)
  @Authorize('DeleteFolder')
  @ApiOkResponse({ type: CommandResultDto })
  delete(@FolderId() folderId: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'DeleteFolder', folderId, by: ctx.initiator }, ctx);
  }

  private send(command: FolderCommand, ctx: RequestContext): Promise<CommandResultDto> {
    return this.commandBus.execute(new ExecuteFolderCommand(command, ctx));
  }
}
