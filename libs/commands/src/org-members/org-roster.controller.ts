import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { v7 as uuidv7 } from 'uuid';
import { OrgRosterCommand } from '@app/domain';
import { Authorize, Ctx, RequestContext } from '@app/auth';
import { ApiCommandErrors } from '@app/http';
import { CommandResultDto } from '../shared/command-result.dto';
import { ExecuteOrgRosterCommand } from './org-members-command.handlers';
import { MemberId } from '@app/http';
import { ChangeMemberRoleDto, InviteMemberDto, SuspendMemberDto } from './org-roster.dto';

/** The roster of the token's organization: invitations, roles and account status (Members and Access). */
@ApiTags('Members and Access')
@ApiBearerAuth()
@ApiCommandErrors()
@Controller('org')
export class OrgRosterController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('invitations')
  @Authorize('InviteMember')
  @ApiCreatedResponse({ type: CommandResultDto, description: '`id` is the invitee’s member id' })
  invite(@Body() body: InviteMemberDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    const { email, role, name } = body;
    return this.send({ type: 'InviteMember', memberId: uuidv7(), email, role, name, by: ctx.initiator }, ctx);
  }

  /** Sent by the invitee, whose token's email must be the invited one. */
  @Post('invitations/:memberId/accept')
  @HttpCode(200)
  @Authorize('AcceptMemberInvitation')
  @ApiOkResponse({ type: CommandResultDto })
  accept(@MemberId() memberId: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'AcceptMemberInvitation', memberId, by: ctx.initiator }, ctx);
  }

  @Post('invitations/:memberId/decline')
  @HttpCode(200)
  @Authorize('DeclineMemberInvitation')
  @ApiOkResponse({ type: CommandResultDto })
  decline(@MemberId() memberId: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'DeclineMemberInvitation', memberId, by: ctx.initiator }, ctx);
  }

  @Post('members/:memberId/role')
  @HttpCode(200)
  @Authorize('ChangeMemberRole')
  @ApiOkResponse({ type: CommandResultDto })
  changeRole(@MemberId() memberId: string, @Body() body: ChangeMemberRoleDto, @Ctx() ctx: RequestContext) {
    return this.send({ type: 'ChangeMemberRole', memberId, role: body.role, by: ctx.initiator }, ctx);
  }

  @Post('members/:memberId/suspend')
  @HttpCode(200)
  @Authorize('SuspendMember')
  @ApiOkResponse({ type: CommandResultDto })
  suspend(@MemberId() memberId: string, @Body() body: SuspendMemberDto, @Ctx() ctx: RequestContext) {
    return this.send({ type: 'SuspendMember', memberId, reason: body.reason, by: ctx.initiator }, ctx);
  }

  @Post('members/:memberId/reactivate')
  @HttpCode(200)
  @Authorize('ReactivateMember')
  @ApiOkResponse({ type: CommandResultDto })
  reactivate(@MemberId() memberId: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'ReactivateMember', memberId, by: ctx.initiator }, ctx);
  }

  /** Removes a member, or withdraws a pending invitation. */
  @Post('members/:memberId/remove')
  @HttpCode(200)
  @Authorize('RemoveMember')
  @ApiOkResponse({ type: CommandResultDto })
  remove(@MemberId() memberId: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'RemoveMember', memberId, by: ctx.initiator }, ctx);
  }

  private send(command: OrgRosterCommand, ctx: RequestContext): Promise<CommandResultDto> {
    return this.commandBus.execute(new ExecuteOrgRosterCommand(command, ctx));
  }
}
