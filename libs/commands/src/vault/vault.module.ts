import { Module } from '@nestjs/common';
import { FolderCommandHandler } from './folder-command.handler';
import { FoldersController } from './folders.controller';
import { VaultItemCommandHandler } from './vault-item-command.handler';
import { VaultItemsController } from './vault-items.controller';

@Module({
  controllers: [VaultItemsController, FoldersController],
  providers: [VaultItemCommandHandler, FolderCommandHandler],
})
export class VaultCommandsModule {}
