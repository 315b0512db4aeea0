import { Body } from '@nestjs/common';
import { Ctx, RequestContext } from '@app/auth';
import { CommandController, CommandRoute } from '../shared/command-route.decorator';
import { mspOf } from '../shared/request-ids';
import { ChangeMspSettingDto } from './msp-setting.dto';

/** Settings: the MSP-wide settings, one known key at a time. */
@CommandController('settings', 'Settings')
export class SettingsController {
  /** The settings are the principal's MSP's, never those of an MSP named in the request. */
  @CommandRoute('POST', '', { command: 'ChangeMspSetting', status: 200, summary: 'Change one MSP setting' })
  change(@Body() body: ChangeMspSettingDto, @Ctx() ctx: RequestContext) {
    return { mspId: mspOf(ctx, 'No MSP settings for this principal'), key: body.key, value: body.value };
  }
}
