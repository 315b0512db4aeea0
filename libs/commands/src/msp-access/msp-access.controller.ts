import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MspMemberAccessCommand } from '@app/domain';
import { Authorize, Ctx, RequestContext } from '@app/auth';
import { MemberId } from '@app/http';
import { ApiCommandErrors } from '@app/http';
import { CommandResultDto } from '../shared/command-result.dto';
import { ExecuteMspMemberAccessCommand } from './msp-access-command.handler';
import { EnableMspTwoFactorDto, RecordMspSignInFailureDto, RecordMspSignInSuccessDto } from './msp-access.dto';

/**
 * MSP Access: sign-ins, recorded by the sign-in service, and a member's own password and
 * two-factor changes. The MSP is always the token's own.
 */
@ApiTags('MSP Access')
@ApiBearerAuth()
@ApiCommandErrors()
@Controller('msp-members/:memberId')
export class MspAccessController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('sign-ins/succeeded')
  @Authorize('RecordMspSignInSuccess')
  @ApiCreatedResponse({ type: CommandResultDto })
  signInSucceeded(@MemberId() memberId: string, @Body() body: RecordMspSignInSuccessDto, @Ctx() ctx: RequestContext) {
    return this.send({ type: 'RecordMspSignInSuccess', memberId, ...body, by: ctx.initiator }, ctx);
  }

  @Post('sign-ins/failed')
  @Authorize('RecordMspSignInFailure')
  @ApiCreatedResponse({ type: CommandResultDto })
  signInFailed(@MemberId() memberId: string, @Body() body: RecordMspSignInFailureDto, @Ctx() ctx: RequestContext) {
    return this.send({ type: 'RecordMspSignInFailure', memberId, ...body, by: ctx.initiator }, ctx);
  }

  @Post('password/changed')
  @HttpCode(200)
  @Authorize('ChangeMspPassword')
  @ApiOkResponse({ type: CommandResultDto })
  passwordChanged(@MemberId() memberId: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'ChangeMspPassword', memberId, by: ctx.initiator }, ctx);
  }

  @Post('two-factor/enable')
  @HttpCode(200)
  @Authorize('EnableMspTwoFactor')
  @ApiOkResponse({ type: CommandResultDto })
  enableTwoFactor(@MemberId() memberId: string, @Body() body: EnableMspTwoFactorDto, @Ctx() ctx: RequestContext) {
    return this.send({ type: 'EnableMspTwoFactor', memberId, method: body.method, by: ctx.initiator }, ctx);
  }

  @Post('two-factor/disable')
  @HttpCode(200)
  @Authorize('DisableMspTwoFactor')
  @ApiOkResponse({ type: CommandResultDto })
  disableTwoFactor(@MemberId() memberId: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'DisableMspTwoFactor', memberId, by: ctx.initiator }, ctx);
  }

  private send(command: MspMemberAccessCommand, ctx: RequestContext): Promise<CommandResultDto> {
    return this.commandBus.execute(new ExecuteMspMemberAccessCommand(command, ctx));
  }
}
