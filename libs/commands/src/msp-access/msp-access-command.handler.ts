import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { MspMemberAccessCommand, mspMemberAccessDecider, mspMemberAccessStream } from '@app/domain';
import { RequestContext } from '@app/auth';
import { CommandExecutor } from '../shared/command-executor';
import { CommandResultDto } from '../shared/command-result.dto';

/** Carries an MSP member's sign-in or credential command over the CommandBus. */
export class ExecuteMspMemberAccessCommand {
  constructor(readonly command: MspMemberAccessCommand, readonly context: RequestContext) {}
}

@CommandHandler(ExecuteMspMemberAccessCommand)
export class MspMemberAccessCommandHandler implements ICommandHandler<ExecuteMspMemberAccessCommand, CommandResultDto> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ command, context }: ExecuteMspMemberAccessCommand): Promise<CommandResultDto> {
    return this.executor.execute({
      decider: mspMemberAccessDecider,
      aggregateId: command.memberId,
      streamId: mspMemberAccessStream(command.memberId),
      command,
      context,
      tenant: { mspId: context.principal.mspId },
    });
  }
}
