import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { OrganizationCommand, organizationDecider, organizationStream } from '@app/domain';
import { RequestContext } from '@app/auth';
import { CommandExecutor } from '../shared/command-executor';
import { CommandResultDto } from '../shared/command-result.dto';

/** Carries an organization command over the CommandBus. */
export class ExecuteOrganizationCommand {
  constructor(readonly command: OrganizationCommand, readonly context: RequestContext) {}
}

@CommandHandler(ExecuteOrganizationCommand)
export class OrganizationCommandHandler implements ICommandHandler<ExecuteOrganizationCommand, CommandResultDto> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ command, context }: ExecuteOrganizationCommand): Promise<CommandResultDto> {
    return this.executor.execute({
      decider: organizationDecider,
      aggregateId: command.organizationId,
      streamId: organizationStream(command.organizationId),
      command,
      context,
      tenant: { mspId: context.principal.mspId, orgId: command.organizationId },
    });
  }
}
