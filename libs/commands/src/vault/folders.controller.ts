import { Body } from '@nestjs/common';
import { UuidParam } from '@app/http';
import { CommandController, CommandRoute } from '../shared/command-route.decorator';
import { NewId } from '../shared/idempotency/derived-ids';
import { CreateFolderDto, RevokeAccessDto, ShareDto } from './vault.dto';

const FolderId = () => UuidParam('folderId');

/** Vault folders of the caller's organization: creation, sharing, deletion. */
@CommandController('vault/folders', 'Vault Items and Folders')
export class FoldersController {
  @CommandRoute('POST', '', { command: 'CreateFolder', status: 201, summary: 'Create a folder' })
  create(@Body() body: CreateFolderDto, @NewId() folderId: string) {
    return { folderId, folderName: body.folderName };
  }

  @CommandRoute('POST', ':folderId/share', { command: 'ShareFolder', status: 200, summary: 'Share a folder with a member or group' })
  share(@FolderId() folderId: string, @Body() body: ShareDto) {
    const { type, id, displayName } = body.principal;
    return { folderId, principal: { type, id, displayName }, rights: body.rights };
  }

  @CommandRoute('POST', ':folderId/revoke', { command: 'RevokeFolderAccess', status: 200, summary: 'Revoke a folder share' })
  revoke(@FolderId() folderId: string, @Body() body: RevokeAccessDto) {
    return { folderId, principal: { type: body.principal.type, id: body.principal.id } };
  }

  @CommandRoute('POST', ':folderId/delete', { command: 'DeleteFolder', status: 200, summary: 'Delete a folder' })
  delete(@FolderId() folderId: string) {
    return { folderId };
  }
}
