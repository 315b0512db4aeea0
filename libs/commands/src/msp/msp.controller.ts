import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { v7 as uuidv7 } from 'uuid';
import { MspCommand, NotFound } from '@app/domain';
import { Authorize, Ctx, RequestContext } from '@app/auth';
import { ApiCommandErrors } from '@app/http';
import { CommandResultDto } from '../shared/command-result.dto';
import { MemberId } from '@app/http';
import { ExecuteMspCommand } from './msp-command.handler';
import {
  AcceptMspInvitationDto, ChangeMspMemberRoleDto, CreateMspAccountDto, InviteMspMemberDto, SuspendMspMemberDto,
} from './msp.dto';

/** The MSP account and its roster (MSP User Management). The MSP is always the token's own. */
@ApiTags('MSP User Management')
@ApiBearerAuth()
@ApiCommandErrors()
@Controller('msp')
export class MspController {
  constructor(private readonly commandBus: CommandBus) {}

  /** Sent by the sign-up service, whose token carries the new MSP's id. */
  @Post()
  @Authorize('CreateMspAccount')
  @ApiCreatedResponse({ type: CommandResultDto })
  create(@Body() body: CreateMspAccountDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'CreateMspAccount', mspId: mspOf(ctx), ...body, by: ctx.initiator }, ctx);
  }

  @Post('invitations')
  @Authorize('InviteMspMember')
  @ApiCreatedResponse({ type: CommandResultDto, description: '`id` is the invitee’s member id' })
  invite(@Body() body: InviteMspMemberDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    const { email, role, name } = body;
    return this.send({ type: 'InviteMspMember', mspId: mspOf(ctx), memberId: uuidv7(), email, role, name, by: ctx.initiator }, ctx);
  }

  @Post('invitations/:memberId/accept')
  @HttpCode(200)
  @Authorize('AcceptMspInvitation')
  @ApiOkResponse({ type: CommandResultDto })
  accept(@MemberId() memberId: string, @Body() body: AcceptMspInvitationDto, @Ctx() ctx: RequestContext) {
    return this.send({ type: 'AcceptMspInvitation', mspId: mspOf(ctx), memberId, name: body.name, by: ctx.initiator }, ctx);
  }

  @Post('invitations/:memberId/revoke')
  @HttpCode(200)
  @Authorize('RevokeMspInvitation')
  @ApiOkResponse({ type: CommandResultDto })
  revoke(@MemberId() memberId: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'RevokeMspInvitation', mspId: mspOf(ctx), memberId, by: ctx.initiator }, ctx);
  }

  @Post('members/:memberId/role')
  @HttpCode(200)
  @Authorize('ChangeMspMemberRole')
  @ApiOkResponse({ type: CommandResultDto })
  changeRole(@MemberId() memberId: string, @Body() body: ChangeMspMemberRoleDto, @Ctx() ctx: RequestContext) {
    return this.send({ type: 'ChangeMspMemberRole', mspId: mspOf(ctx), memberId, role: body.role, by: ctx.initiator }, ctx);
  }

  @Post('members/:memberId/suspend')
  @HttpCode(200)
  @Authorize('SuspendMspMember')
  @ApiOkResponse({ type: CommandResultDto })
  suspend(@MemberId() memberId: string, @Body() body: SuspendMspMemberDto, @Ctx() ctx: RequestContext) {
    return this.send({ type: 'SuspendMspMember', mspId: mspOf(ctx), memberId, reason: body.reason, by: ctx.initiator }, ctx);
  }

  @Post('members/:memberId/reactivate')
  @HttpCode(200)
  @Authorize('ReactivateMspMember')
  @ApiOkResponse({ type: CommandResultDto })
  reactivate(@MemberId() memberId: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'ReactivateMspMember', mspId: mspOf(ctx), memberId, by: ctx.initiator }, ctx);
  }

  @Post('members/:memberId/remove')
  @HttpCode(200)
  @Authorize('RemoveMspMember')
  @ApiOkResponse({ type: CommandResultDto })
  remove(@MemberId() memberId: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'RemoveMspMember', mspId: mspOf(ctx), memberId, by: ctx.initiator }, ctx);
  }

  /** The member named in the path becomes the owner; the current owner becomes an admin. */
  @Post('members/:memberId/transfer-ownership')
  @HttpCode(200)
  @Authorize('TransferMspOwnership')
  @ApiOkResponse({ type: CommandResultDto })
  transferOwnership(@MemberId() memberId: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'TransferMspOwnership', mspId: mspOf(ctx), memberId, by: ctx.initiator }, ctx);
  }

  private send(command: MspCommand, ctx: RequestContext): Promise<CommandResultDto> {
    return this.commandBus.execute(new ExecuteMspCommand(command, ctx));
  }
}

function mspOf(ctx: RequestContext): string {
  if (!ctx.principal.mspId) throw new NotFound('This token belongs to no MSP');
  return ctx.principal.mspId;
}
