import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OrgMemberAccessCommand } from '@app/domain';
import { Authorize, Ctx, RequestContext } from '@app/auth';
import { ApiCommandErrors } from '@app/http';
import { CommandResultDto } from '../shared/command-result.dto';
import { ExecuteOrgMemberAccessCommand } from './org-members-command.handlers';
import { MemberId } from '@app/http';
import { MemberAccessDto, SignInFailureDto, VaultAccessDto } from './org-member-access.dto';

/**
 * A member's access, sign-ins and MFA (Members and Access). Access is recorded by the member or by a
 * service, sign-ins by the sign-in service, MFA changes by the member only.
 */
@ApiTags('Members and Access')
@ApiBearerAuth()
@ApiCommandErrors()
@Controller('org/members/:memberId')
export class OrgMemberAccessController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('admin-panel-access')
  @HttpCode(200)
  @Authorize('RecordAdminPanelAccess')
  @ApiOkResponse({ type: CommandResultDto })
  adminPanel(@MemberId() memberId: string, @Body() body: MemberAccessDto, @Ctx() ctx: RequestContext) {
    return this.send({ type: 'RecordAdminPanelAccess', memberId, ...body, by: ctx.initiator }, ctx);
  }

  @Post('vault-access')
  @HttpCode(200)
  @Authorize('RecordVaultAccess')
  @ApiOkResponse({ type: CommandResultDto })
  vault(@MemberId() memberId: string, @Body() body: VaultAccessDto, @Ctx() ctx: RequestContext) {
    return this.send({ type: 'RecordVaultAccess', memberId, ...body, by: ctx.initiator }, ctx);
  }

  @Post('sign-ins')
  @HttpCode(200)
  @Authorize('RecordMemberSignInSuccess')
  @ApiOkResponse({ type: CommandResultDto })
  signIn(@MemberId() memberId: string, @Body() body: MemberAccessDto, @Ctx() ctx: RequestContext) {
    return this.send({ type: 'RecordMemberSignInSuccess', memberId, ...body, by: ctx.initiator }, ctx);
  }

  @Post('sign-in-failures')
  @HttpCode(200)
  @Authorize('RecordMemberSignInFailure')
  @ApiOkResponse({ type: CommandResultDto })
  signInFailure(@MemberId() memberId: string, @Body() body: SignInFailureDto, @Ctx() ctx: RequestContext) {
    return this.send({ type: 'RecordMemberSignInFailure', memberId, ...body, by: ctx.initiator }, ctx);
  }

  @Post('mfa/enable')
  @HttpCode(200)
  @Authorize('EnableMemberMfa')
  @ApiOkResponse({ type: CommandResultDto })
  enableMfa(@MemberId() memberId: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'EnableMemberMfa', memberId, by: ctx.initiator }, ctx);
  }

  @Post('mfa/disable')
  @HttpCode(200)
  @Authorize('DisableMemberMfa')
  @ApiOkResponse({ type: CommandResultDto })
  disableMfa(@MemberId() memberId: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'DisableMemberMfa', memberId, by: ctx.initiator }, ctx);
  }

  private send(command: OrgMemberAccessCommand, ctx: RequestContext): Promise<CommandResultDto> {
    return this.commandBus.execute(new ExecuteOrgMemberAccessCommand(command, ctx));
  }
}
