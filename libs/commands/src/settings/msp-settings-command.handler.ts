import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { MspSettingsCommand, mspSettingsDecider, mspSettingsStream } from '@app/domain';
import { RequestContext } from '@app/auth';
import { CommandExecutor } from '../shared/command-executor';
import { CommandResultDto } from '../shared/command-result.dto';

/** Carries an MSP settings command over the CommandBus. */
export class ExecuteMspSettingsCommand {
  constructor(readonly command: MspSettingsCommand, readonly context: RequestContext) {}
}

@CommandHandler(ExecuteMspSettingsCommand)
export class MspSettingsCommandHandler implements ICommandHandler<ExecuteMspSettingsCommand, CommandResultDto> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ command, context }: ExecuteMspSettingsCommand): Promise<CommandResultDto> {
    return this.executor.execute({
      decider: mspSettingsDecider,
      aggregateId: command.mspId,
      streamId: mspSettingsStream(command.mspId),
      command,
      context,
      tenant: { mspId: context.principal.mspId },
    });
  }
}
