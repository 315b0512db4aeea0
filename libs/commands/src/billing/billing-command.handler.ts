import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { BillingCommand, billingDecider, billingStream } from '@app/domain';
import { RequestContext } from '@app/auth';
import { CommandExecutor } from '../shared/command-executor';
import { CommandResultDto } from '../shared/command-result.dto';

/** Carries a billing command over the CommandBus. */
export class ExecuteBillingCommand {
  constructor(readonly command: BillingCommand, readonly context: RequestContext) {}
}

@CommandHandler(ExecuteBillingCommand)
export class BillingCommandHandler implements ICommandHandler<ExecuteBillingCommand, CommandResultDto> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ command, context }: ExecuteBillingCommand): Promise<CommandResultDto> {
    return this.executor.execute({
      decider: billingDecider,
      aggregateId: command.mspId,
      streamId: billingStream(command.mspId),
      command,
      context,
      tenant: { mspId: context.principal.mspId },
    });
  }
}
