import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  ActivityLogTokenCommand, activityLogTokenDecider, activityLogTokenStream, OrgPoliciesCommand, orgPoliciesDecider,
  orgPoliciesStream, VantaIntegrationCommand, vantaIntegrationDecider, vantaIntegrationStream,
} from '@app/domain';
import { RequestContext } from '@app/auth';
import { CommandExecutor } from '../shared/command-executor';
import { CommandResultDto } from '../shared/command-result.dto';
import { TenantDirectory } from '@app/tenancy';
import { orgOf } from '../shared/request-ids';

/** Carries a company-wide policy command over the CommandBus. */
export class ExecuteOrgPoliciesCommand {
  constructor(readonly command: OrgPoliciesCommand, readonly context: RequestContext) {}
}

/** Carries a Vanta integration command over the CommandBus. */
export class ExecuteVantaIntegrationCommand {
  constructor(readonly command: VantaIntegrationCommand, readonly context: RequestContext) {}
}

/** Carries an Activity Log token command over the CommandBus. */
export class ExecuteActivityLogTokenCommand {
  constructor(readonly command: ActivityLogTokenCommand, readonly context: RequestContext) {}
}

@CommandHandler(ExecuteOrgPoliciesCommand)
export class OrgPoliciesCommandHandler implements ICommandHandler<ExecuteOrgPoliciesCommand, CommandResultDto> {
  constructor(private readonly executor: CommandExecutor, private readonly tenants: TenantDirectory) {}

  async execute({ command, context }: ExecuteOrgPoliciesCommand): Promise<CommandResultDto> {
    const orgId = orgOf(context);
    return this.executor.execute({
      decider: orgPoliciesDecider,
      aggregateId: orgId,
      streamId: orgPoliciesStream(orgId),
      command,
      context,
      tenant: await this.tenants.organizationTenant(context.principal),
    });
  }
}

@CommandHandler(ExecuteVantaIntegrationCommand)
export class VantaIntegrationCommandHandler implements ICommandHandler<ExecuteVantaIntegrationCommand, CommandResultDto> {
  constructor(private readonly executor: CommandExecutor, private readonly tenants: TenantDirectory) {}

  async execute({ command, context }: ExecuteVantaIntegrationCommand): Promise<CommandResultDto> {
    const orgId = orgOf(context);
    return this.executor.execute({
      decider: vantaIntegrationDecider,
      aggregateId: orgId,
      streamId: vantaIntegrationStream(orgId),
      command,
      context,
      tenant: await this.tenants.organizationTenant(context.principal),
    });
  }
}

@CommandHandler(ExecuteActivityLogTokenCommand)
export class ActivityLogTokenCommandHandler implements ICommandHandler<ExecuteActivityLogTokenCommand, CommandResultDto> {
  constructor(private readonly executor: CommandExecutor, private readonly tenants: TenantDirectory) {}

  async execute({ command, context }: ExecuteActivityLogTokenCommand): Promise<CommandResultDto> {
    return this.executor.execute({
      decider: activityLogTokenDecider,
      aggregateId: command.tokenId,
      streamId: activityLogTokenStream(command.tokenId),
      command,
      context,
      tenant: await this.tenants.organizationTenant(context.principal),
    });
  }
}
