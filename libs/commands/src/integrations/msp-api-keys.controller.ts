import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { v7 as uuidv7 } from 'uuid';
import { MspApiKeyCommand } from '@app/domain';
import { Authorize, Ctx, RequestContext } from '@app/auth';
import { ApiCommandErrors } from '@app/http';
import { CommandResultDto } from '../shared/command-result.dto';
import { ExecuteMspApiKeyCommand } from './msp-api-key-command.handler';
import { GenerateMspApiKeyDto } from './integration.dto';

/** Integrations → private keys an MSP's REST clients authenticate with; the key material is issued elsewhere. */
@ApiTags('Integrations')
@ApiBearerAuth()
@ApiCommandErrors()
@Controller('api-keys')
export class MspApiKeysController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Authorize('GenerateMspApiKey')
  @ApiCreatedResponse({ type: CommandResultDto })
  generate(@Body() body: GenerateMspApiKeyDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'GenerateMspApiKey', keyId: uuidv7(), name: body.name, by: ctx.initiator }, ctx);
  }

  @Post(':keyId/revoke')
  @HttpCode(200)
  @Authorize('RevokeMspApiKey')
  @ApiOkResponse({ type: CommandResultDto })
  revoke(@Param('keyId', new ParseUUIDPipe()) keyId: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'RevokeMspApiKey', keyId, by: ctx.initiator }, ctx);
  }

  private send(command: MspApiKeyCommand, ctx: RequestContext): Promise<CommandResultDto> {
    return this.commandBus.execute(new ExecuteMspApiKeyCommand(command, ctx));
  }
}
