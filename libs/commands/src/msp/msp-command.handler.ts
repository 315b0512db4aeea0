import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { MspCommand, mspDecider, mspStream } from '@app/domain';
import { RequestContext } from '@app/auth';
import { CommandExecutor } from '../shared/command-executor';
import { CommandResultDto } from '../shared/command-result.dto';

/** Carries an MSP account or roster command over the CommandBus. */
export class ExecuteMspCommand {
  constructor(readonly command: MspCommand, readonly context: RequestContext) {}
}

@CommandHandler(ExecuteMspCommand)
export class MspCommandHandler implements ICommandHandler<ExecuteMspCommand, CommandResultDto> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ command, context }: ExecuteMspCommand): Promise<CommandResultDto> {
    return this.executor.execute({
      decider: mspDecider,
      // The answer names what was acted on: the new account, or the member of the roster.
      aggregateId: 'memberId' in command ? command.memberId : command.mspId,
      streamId: mspStream(command.mspId),
      command,
      context,
      tenant: { mspId: context.principal.mspId },
    });
  }
}
