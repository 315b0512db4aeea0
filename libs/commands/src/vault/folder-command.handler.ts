import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { FolderCommand, folderDecider, folderStream } from '@app/domain';
import { RequestContext } from '@app/auth';
import { CommandExecutor } from '../shared/command-executor';
import { CommandResultDto } from '../shared/command-result.dto';
import { TenantDirectory } from '@app/tenancy';

/** Carries a folder command over the CommandBus. */
export class ExecuteFolderCommand {
  constructor(readonly command: FolderCommand, readonly context: RequestContext) {}
}

@CommandHandler(ExecuteFolderCommand)
export class FolderCommandHandler implements ICommandHandler<ExecuteFolderCommand, CommandResultDto> {
  constructor(private readonly executor: CommandExecutor, private readonly tenants: TenantDirectory) {}

  async execute({ command, context }: ExecuteFolderCommand): Promise<CommandResultDto> {
    return this.executor.execute({
      decider: folderDecider,
      aggregateId: command.folderId,
      streamId: folderStream(command.folderId),
      command,
      context,
      tenant: await this.tenants.organizationTenant(context.principal),
    });
  }
}
