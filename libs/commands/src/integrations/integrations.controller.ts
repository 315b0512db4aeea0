import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { v7 as uuidv7 } from 'uuid';
import { IntegrationCommand } from '@app/domain';
import { Authorize, Ctx, RequestContext } from '@app/auth';
import { ApiCommandErrors } from '@app/http';
import { CommandResultDto } from '../shared/command-result.dto';
import { ExecuteIntegrationCommand } from './integration-command.handler';
import {
  DisconnectIntegrationDto, EditIntegrationDto, IntegrationSyncFailedDto, IntegrationSyncSucceededDto, SetUpIntegrationDto,
} from './integration.dto';

const IntegrationId = () => Param('integrationId', new ParseUUIDPipe());

/** Integrations: the SIEM, PSA and RMM connections an MSP sets up, and the outcome of each sync. */
@ApiTags('Integrations')
@ApiBearerAuth()
@ApiCommandErrors()
@Controller('integrations')
export class IntegrationsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Authorize('SetUpIntegration')
  @ApiCreatedResponse({ type: CommandResultDto })
  setUp(@Body() body: SetUpIntegrationDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'SetUpIntegration', integrationId: uuidv7(), ...body, by: ctx.initiator }, ctx);
  }

  @Post(':integrationId/edit')
  @HttpCode(200)
  @Authorize('EditIntegration')
  @ApiOkResponse({ type: CommandResultDto })
  edit(@IntegrationId() integrationId: string, @Body() body: EditIntegrationDto, @Ctx() ctx: RequestContext) {
    return this.send({ type: 'EditIntegration', integrationId, ...body, by: ctx.initiator }, ctx);
  }

  @Post(':integrationId/disconnect')
  @HttpCode(200)
  @Authorize('DisconnectIntegration')
  @ApiOkResponse({ type: CommandResultDto })
  disconnect(@IntegrationId() integrationId: string, @Body() body: DisconnectIntegrationDto, @Ctx() ctx: RequestContext) {
    return this.send({ type: 'DisconnectIntegration', integrationId, reason: body.reason, by: ctx.initiator }, ctx);
  }

  @Post(':integrationId/sync-succeeded')
  @HttpCode(200)
  @Authorize('RecordIntegrationSyncSuccess')
  @ApiOkResponse({ type: CommandResultDto })
  syncSucceeded(@IntegrationId() integrationId: string, @Body() body: IntegrationSyncSucceededDto, @Ctx() ctx: RequestContext) {
    return this.send({ type: 'RecordIntegrationSyncSuccess', integrationId, eventsSent: body.eventsSent, by: ctx.initiator }, ctx);
  }

  @Post(':integrationId/sync-failed')
  @HttpCode(200)
  @Authorize('RecordIntegrationSyncFailure')
  @ApiOkResponse({ type: CommandResultDto })
  syncFailed(@IntegrationId() integrationId: string, @Body() body: IntegrationSyncFailedDto, @Ctx() ctx: RequestContext) {
    return this.send({ type: 'RecordIntegrationSyncFailure', integrationId, error: body.error, by: ctx.initiator }, ctx);
  }

  private send(command: IntegrationCommand, ctx: RequestContext): Promise<CommandResultDto> {
    return this.commandBus.execute(new ExecuteIntegrationCommand(command, ctx));
  }
}
