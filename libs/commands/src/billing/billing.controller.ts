import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, UsePipes } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { v7 as uuidv7 } from 'uuid';
import { BillingCommand, NotFound } from '@app/domain';
import { Authorize, Ctx, RequestContext } from '@app/auth';
import { ApiCommandErrors } from '@app/http';
import { CommandResultDto } from '../shared/command-result.dto';
import { ExecuteBillingCommand } from './billing-command.handler';
import { AddBillingDetailsDto, AddCreditCardDto, AddCreditCardResultDto, ChangeBillingDetailsDto } from './billing.dto';
import { NoCardNumberPipe } from './no-card-number.pipe';

const CardId = () => Param('cardId', new ParseUUIDPipe());

/** Billing: the MSP's own billing details and payment cards (one billing account per MSP). */
@ApiTags('Billing')
@ApiBearerAuth()
@ApiCommandErrors()
@UsePipes(NoCardNumberPipe)
@Controller('billing')
export class BillingController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('details')
  @Authorize('AddBillingDetails')
  @ApiCreatedResponse({ type: CommandResultDto })
  addDetails(@Body() body: AddBillingDetailsDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'AddBillingDetails', mspId: mspIdOf(ctx), ...body, by: ctx.initiator }, ctx);
  }

  @Post('details/change')
  @HttpCode(200)
  @Authorize('ChangeBillingDetails')
  @ApiOkResponse({ type: CommandResultDto })
  changeDetails(@Body() body: ChangeBillingDetailsDto, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'ChangeBillingDetails', mspId: mspIdOf(ctx), ...body, by: ctx.initiator }, ctx);
  }

  @Post('cards')
  @Authorize('AddCreditCard')
  @ApiCreatedResponse({ type: AddCreditCardResultDto })
  async addCard(@Body() body: AddCreditCardDto, @Ctx() ctx: RequestContext): Promise<AddCreditCardResultDto> {
    const cardId = uuidv7();
    const command = { type: 'AddCreditCard' as const, mspId: mspIdOf(ctx), cardId, ...body, now: new Date(), by: ctx.initiator };
    return { ...(await this.send(command, ctx)), cardId };
  }

  @Post('cards/:cardId/remove')
  @HttpCode(200)
  @Authorize('RemoveCreditCard')
  @ApiOkResponse({ type: CommandResultDto })
  removeCard(@CardId() cardId: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'RemoveCreditCard', mspId: mspIdOf(ctx), cardId, by: ctx.initiator }, ctx);
  }

  @Post('cards/:cardId/make-default')
  @HttpCode(200)
  @Authorize('ChangeDefaultCreditCard')
  @ApiOkResponse({ type: CommandResultDto })
  makeDefault(@CardId() cardId: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.send({ type: 'ChangeDefaultCreditCard', mspId: mspIdOf(ctx), cardId, by: ctx.initiator }, ctx);
  }

  private send(command: BillingCommand, ctx: RequestContext): Promise<CommandResultDto> {
    return this.commandBus.execute(new ExecuteBillingCommand(command, ctx));
  }
}

/** The billing account is the principal's MSP's, never one named in the request. */
function mspIdOf(ctx: RequestContext): string {
  if (!ctx.principal.mspId) throw new NotFound('No billing account for this principal');
  return ctx.principal.mspId;
}
