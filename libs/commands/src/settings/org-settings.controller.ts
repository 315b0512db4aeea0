import { Body } from '@nestjs/common';
import { Ctx, RequestContext } from '@app/auth';
import { CommandController, CommandRoute } from '../shared/command-route.decorator';
import { orgOf } from '../shared/request-ids';
import { ChangeOrganizationSettingDto } from './org-setting.dto';

/** The organization's own settings (its activity retention, within its MSP's): the token's organization only. */
@CommandController('org/settings', 'Policies and Integrations')
export class OrgSettingsController {
  @CommandRoute('POST', '', { command: 'ChangeOrganizationSetting', status: 200, summary: 'Change one organization setting' })
  change(@Body() body: ChangeOrganizationSettingDto, @Ctx() ctx: RequestContext) {
    return { orgId: orgOf(ctx), key: body.key, value: body.value };
  }
}
