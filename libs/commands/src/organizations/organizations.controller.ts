import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { v7 as uuidv7 } from 'uuid';
import { OrganizationCommand } from '@app/domain';
import { Authorize, Ctx, RequestContext } from '@app/auth';
import { ApiCommandErrors } from '@app/http';
import { CommandResultDto } from '../shared/command-result.dto';
import { ExecuteOrganizationCommand } from './organization-command.handler';
import { CreateOrganizationDto, OrganizationReasonDto, RenameOrganizationDto } from './organization.dto';

const OrganizationId = () => Param('organizationId', new ParseUUIDPipe());

/** Organization Management: the lifecycle of the customer organizations an MSP supervises. */
@ApiTags('Organization Management')
@ApiBearerAuth()
@ApiCommandErrors()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Authorize('CreateOrganization')
  @ApiCreatedResponse({ type: CommandResultDto })
  create(@Body() body: CreateOrganizationDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'CreateOrganization', organizationId: uuidv7(), name: body.name, by: ctx.initiator }, ctx);
  }

  @Post(':organizationId/deploy')
  @HttpCode(200)
  @Authorize('DeployOrganization')
  @ApiOkResponse({ type: CommandResultDto })
  deploy(@OrganizationId() organizationId: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'DeployOrganization', organizationId, by: ctx.initiator }, ctx);
  }

  @Post(':organizationId/rename')
  @HttpCode(200)
  @Authorize('RenameOrganization')
  @ApiOkResponse({ type: CommandResultDto })
  rename(@OrganizationId() organizationId: string, @Body() body: RenameOrganizationDto, @Ctx() ctx: RequestContext) {
    return this.send({ type: 'RenameOrganization', organizationId, name: body.name, by: ctx.initiator }, ctx);
  }

  @Post(':organizationId/suspend')
  @HttpCode(200)
  @Authorize('SuspendOrganization')
  @ApiOkResponse({ type: CommandResultDto })
  suspend(@OrganizationId() organizationId: string, @Body() body: OrganizationReasonDto, @Ctx() ctx: RequestContext) {
    return this.send({ type: 'SuspendOrganization', organizationId, reason: body.reason, by: ctx.initiator }, ctx);
  }

  @Post(':organizationId/reactivate')
  @HttpCode(200)
  @Authorize('ReactivateOrganization')
  @ApiOkResponse({ type: CommandResultDto })
  reactivate(@OrganizationId() organizationId: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'ReactivateOrganization', organizationId, by: ctx.initiator }, ctx);
  }

  @Post(':organizationId/terminate')
  @HttpCode(200)
  @Authorize('TerminateOrganization')
  @ApiOkResponse({ type: CommandResultDto })
  terminate(@OrganizationId() organizationId: string, @Body() body: OrganizationReasonDto, @Ctx() ctx: RequestContext) {
    return this.send({ type: 'TerminateOrganization', organizationId, reason: body.reason, by: ctx.initiator }, ctx);
  }

  private send(command: OrganizationCommand, ctx: RequestContext): Promise<CommandResultDto> {
    return this.commandBus.execute(new ExecuteOrganizationCommand(command, ctx));
  }
}
