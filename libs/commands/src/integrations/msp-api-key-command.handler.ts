import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { MspApiKeyCommand, mspApiKeyDecider, mspApiKeyStream } from '@app/domain';
import { RequestContext } from '@app/auth';
import { CommandExecutor } from '../shared/command-executor';
import { CommandResultDto } from '../shared/command-result.dto';

/** Carries an MSP API key command over the CommandBus. */
export class ExecuteMspApiKeyCommand {
  constructor(readonly command: MspApiKeyCommand, readonly context: RequestContext) {}
}

@CommandHandler(ExecuteMspApiKeyCommand)
export class MspApiKeyCommandHandler implements ICommandHandler<ExecuteMspApiKeyCommand, CommandResultDto> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ command, context }: ExecuteMspApiKeyCommand): Promise<CommandResultDto> {
    return this.executor.execute({
      decider: mspApiKeyDecider,
      aggregateId: command.keyId,
      streamId: mspApiKeyStream(command.keyId),
      command,
      context,
      tenant: { mspId: context.principal.mspId },
    });
  }
}
