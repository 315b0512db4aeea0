import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NotFound } from '@app/domain';
import { Authorize, Ctx, RequestContext } from '@app/auth';
import { ApiCommandErrors } from '@app/http';
import { CommandResultDto } from '../shared/command-result.dto';
import { ExecuteMspSettingsCommand } from './msp-settings-command.handler';
import { ChangeMspSettingDto } from './msp-setting.dto';

/** Settings: the MSP-wide settings, one known key at a time. */
@ApiTags('Settings')
@ApiBearerAuth()
@ApiCommandErrors()
@Controller('settings')
export class SettingsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Authorize('ChangeMspSetting')
  @ApiOkResponse({ type: CommandResultDto })
  change(@Body() body: ChangeMspSettingDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    // The settings are the principal's MSP's, never those of an MSP named in the request.
    const mspId = ctx.principal.mspId;
    if (!mspId) throw new NotFound('No MSP settings for this principal');
    const command = { type: 'ChangeMspSetting' as const, mspId, key: body.key, value: body.value, by: ctx.initiator };
    return this.commandBus.execute(new ExecuteMspSettingsCommand(command, ctx));
  }
}
