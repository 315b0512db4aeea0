import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IntegrationCommand, integrationDecider, integrationStream } from '@app/domain';
import { RequestContext } from '@app/auth';
import { CommandExecutor } from '../shared/command-executor';
import { CommandResultDto } from '../shared/command-result.dto';

/** Carries an integration command over the CommandBus. */
export class ExecuteIntegrationCommand {
  constructor(readonly command: IntegrationCommand, readonly context: RequestContext) {}
}

@CommandHandler(ExecuteIntegrationCommand)
export class IntegrationCommandHandler implements ICommandHandler<ExecuteIntegrationCommand, CommandResultDto> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ command, context }: ExecuteIntegrationCommand): Promise<CommandResultDto> {
    return this.executor.execute({
      decider: integrationDecider,
      aggregateId: command.integrationId,
      streamId: integrationStream(command.integrationId),
      command,
      context,
      tenant: { mspId: context.principal.mspId },
    });
  }
}
