import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { v7 as uuidv7 } from 'uuid';
import { ActivityLogTokenCommand, OrgPoliciesCommand, POLICY_KEYS, VantaIntegrationCommand } from '@app/domain';
import { Authorize, Ctx, RequestContext } from '@app/auth';
import { ApiCommandErrors } from '@app/http';
import { CommandResultDto } from '../shared/command-result.dto';
import {
  ExecuteActivityLogTokenCommand, ExecuteOrgPoliciesCommand, ExecuteVantaIntegrationCommand,
} from './policies-command.handlers';
import {
  ConnectVantaIntegrationDto, CreateActivityLogTokenDto, DisconnectVantaIntegrationDto, EnablePolicyDto,
} from './policies.dto';

const PolicyKey = () => Param('policyKey');
const ApiPolicyKey = () => ApiParam({ name: 'policyKey', enum: POLICY_KEYS });

/** Company-wide policies, the Vanta integration and Activity Log tokens of the token's organization. */
@ApiTags('Policies and Integrations')
@ApiBearerAuth()
@ApiCommandErrors()
@Controller('org')
export class PoliciesController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('policies/:policyKey/enable')
  @HttpCode(200)
  @Authorize('EnablePolicy')
  @ApiPolicyKey()
  @ApiOkResponse({ type: CommandResultDto })
  enablePolicy(@PolicyKey() policyKey: string, @Body() body: EnablePolicyDto, @Ctx() ctx: RequestContext) {
    return this.policies({ type: 'EnablePolicy', policyKey, settings: body.settings, by: ctx.initiator }, ctx);
  }

  @Post('policies/:policyKey/disable')
  @HttpCode(200)
  @Authorize('DisablePolicy')
  @ApiPolicyKey()
  @ApiOkResponse({ type: CommandResultDto })
  disablePolicy(@PolicyKey() policyKey: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.policies({ type: 'DisablePolicy', policyKey, by: ctx.initiator }, ctx);
  }

  @Post('integrations/vanta/connect')
  @HttpCode(200)
  @Authorize('ConnectVantaIntegration')
  @ApiOkResponse({ type: CommandResultDto })
  connectVanta(@Body() body: ConnectVantaIntegrationDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.vanta({ type: 'ConnectVantaIntegration', accountName: body.accountName, by: ctx.initiator }, ctx);
  }

  @Post('integrations/vanta/disconnect')
  @HttpCode(200)
  @Authorize('DisconnectVantaIntegration')
  @ApiOkResponse({ type: CommandResultDto })
  disconnectVanta(@Body() body: DisconnectVantaIntegrationDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.vanta({ type: 'DisconnectVantaIntegration', reason: body.reason, by: ctx.initiator }, ctx);
  }

  @Post('activity-log-tokens')
  @Authorize('CreateActivityLogToken')
  @ApiCreatedResponse({ type: CommandResultDto, description: '`id` is the new token’s id' })
  createToken(@Body() body: CreateActivityLogTokenDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    const { name, expiresAt } = body;
    const now = new Date().toISOString();
    return this.tokens({ type: 'CreateActivityLogToken', tokenId: uuidv7(), name, expiresAt, now, by: ctx.initiator }, ctx);
  }

  @Post('activity-log-tokens/:tokenId/revoke')
  @HttpCode(200)
  @Authorize('RevokeActivityLogToken')
  @ApiOkResponse({ type: CommandResultDto })
  revokeToken(@Param('tokenId', new ParseUUIDPipe()) tokenId: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.tokens({ type: 'RevokeActivityLogToken', tokenId, by: ctx.initiator }, ctx);
  }

  private policies(command: OrgPoliciesCommand, ctx: RequestContext): Promise<CommandResultDto> {
    return this.commandBus.execute(new ExecuteOrgPoliciesCommand(command, ctx));
  }

  private vanta(command: VantaIntegrationCommand, ctx: RequestContext): Promise<CommandResultDto> {
    return this.commandBus.execute(new ExecuteVantaIntegrationCommand(command, ctx));
  }

  private tokens(command: ActivityLogTokenCommand, ctx: RequestContext): Promise<CommandResultDto> {
    return this.commandBus.execute(new ExecuteActivityLogTokenCommand(command, ctx));
  }
}
