import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  OrgMemberAccessCommand, orgMemberAccessDecider, orgMemberAccessStream, OrgRosterCommand, orgRosterDecider, orgRosterStream,
} from '@app/domain';
import { RequestContext } from '@app/auth';
import { CommandExecutor } from '../shared/command-executor';
import { CommandResultDto } from '../shared/command-result.dto';
import { TenantDirectory } from '@app/tenancy';
import { orgOf } from '../shared/request-ids';

/** Carries a roster command (invitations, roles, account status) over the CommandBus. */
export class ExecuteOrgRosterCommand {
  constructor(readonly command: OrgRosterCommand, readonly context: RequestContext) {}
}

/** Carries a member's access, sign-in or MFA record over the CommandBus. */
export class ExecuteOrgMemberAccessCommand {
  constructor(readonly command: OrgMemberAccessCommand, readonly context: RequestContext) {}
}

@CommandHandler(ExecuteOrgRosterCommand)
export class OrgRosterCommandHandler implements ICommandHandler<ExecuteOrgRosterCommand, CommandResultDto> {
  constructor(private readonly executor: CommandExecutor, private readonly tenants: TenantDirectory) {}

  async execute({ command, context }: ExecuteOrgRosterCommand): Promise<CommandResultDto> {
    return this.executor.execute({
      decider: orgRosterDecider,
      // The answer names the member acted on, not the roster.
      aggregateId: command.memberId,
      streamId: orgRosterStream(orgOf(context)),
      command,
      context,
      tenant: await this.tenants.organizationTenant(context.principal),
    });
  }
}

@CommandHandler(ExecuteOrgMemberAccessCommand)
export class OrgMemberAccessCommandHandler implements ICommandHandler<ExecuteOrgMemberAccessCommand, CommandResultDto> {
  constructor(private readonly executor: CommandExecutor, private readonly tenants: TenantDirectory) {}

  async execute({ command, context }: ExecuteOrgMemberAccessCommand): Promise<CommandResultDto> {
    return this.executor.execute({
      decider: orgMemberAccessDecider,
      aggregateId: command.memberId,
      streamId: orgMemberAccessStream(command.memberId),
      command,
      context,
      tenant: await this.tenants.organizationTenant(context.principal),
    });
  }
}
