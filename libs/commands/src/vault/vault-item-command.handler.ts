import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  fold, folderDecider, FolderEvent, folderForItems, FolderRef, folderStream, Initiator, VaultItemCommand, vaultItemDecider, vaultItemStream,
} from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { RequestContext } from '@app/auth';
import { CommandExecutor } from '../shared/command-executor';
import { CommandResultDto } from '../shared/command-result.dto';
import { TenantDirectory } from '@app/tenancy';

/**
 * Carries a vault item command over the CommandBus. `folderId`, when given, names the folder
 * the item goes to: the handler resolves it into the command's `folder` (404/403/409 if it may not).
 */
export class ExecuteVaultItemCommand {
  constructor(readonly command: VaultItemCommand, readonly context: RequestContext, readonly folderId?: string) {}
}

@CommandHandler(ExecuteVaultItemCommand)
export class VaultItemCommandHandler implements ICommandHandler<ExecuteVaultItemCommand, CommandResultDto> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly tenants: TenantDirectory,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ command, context, folderId }: ExecuteVaultItemCommand): Promise<CommandResultDto> {
    const folder = folderId && (await this.folderForItems(folderId, command.by));
    return this.executor.execute({
      decider: vaultItemDecider,
      aggregateId: command.itemId,
      streamId: vaultItemStream(command.itemId),
      command: folder ? { ...command, folder } : command,
      context,
      tenant: await this.tenants.organizationTenant(context.principal),
    });
  }

  private async folderForItems(folderId: string, by: Initiator): Promise<FolderRef> {
    const past = await this.store.readStream(folderStream(folderId));
    const state = fold(folderDecider, past.map((e) => ({ type: e.type, data: e.data }) as FolderEvent));
    return folderForItems(state, folderId, by);
  }
}
