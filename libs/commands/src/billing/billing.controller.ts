import { Body } from '@nestjs/common';
import { Ctx, RequestContext } from '@app/auth';
import { UuidParam } from '@app/http';
import { CommandController, CommandRoute } from '../shared/command-route.decorator';
import { NewId } from '../shared/idempotency/derived-ids';
import { mspOf } from '../shared/request-ids';
import { AddBillingDetailsDto, AddCreditCardDto, AddCreditCardResultDto, ChangeBillingDetailsDto } from './billing.dto';

const CardId = () => UuidParam('cardId');

/** The billing account is the principal's MSP's, never one named in the request. */
const accountOf = (ctx: RequestContext) => mspOf(ctx, 'No billing account for this principal');

/** Billing: the MSP's own billing details and payment cards (one billing account per MSP). */
@CommandController('billing', 'Billing')
export class BillingController {
  @CommandRoute('POST', 'details', { command: 'AddBillingDetails', status: 201, summary: 'Add the billing details' })
  addDetails(@Body() body: AddBillingDetailsDto, @Ctx() ctx: RequestContext) {
    return { mspId: accountOf(ctx), ...body };
  }

  @CommandRoute('POST', 'details/change', { command: 'ChangeBillingDetails', status: 200, summary: 'Change the billing details' })
  changeDetails(@Body() body: ChangeBillingDetailsDto, @Ctx() ctx: RequestContext) {
    return { mspId: accountOf(ctx), ...body };
  }

  @CommandRoute('POST', 'cards', {
    command: 'AddCreditCard',
    status: 201,
    summary: 'Add a payment card (brand, last four, expiry, provider token: never the number)',
    answer: { type: AddCreditCardResultDto, of: (result, request) => ({ ...result, cardId: request.cardId }) },
  })
  addCard(@Body() body: AddCreditCardDto, @Ctx() ctx: RequestContext, @NewId() cardId: string) {
    return { mspId: accountOf(ctx), cardId, ...body, now: new Date() };
  }

  @CommandRoute('POST', 'cards/:cardId/remove', { command: 'RemoveCreditCard', status: 200, summary: 'Remove a payment card' })
  removeCard(@CardId() cardId: string, @Ctx() ctx: RequestContext) {
    return { mspId: accountOf(ctx), cardId };
  }

  @CommandRoute('POST', 'cards/:cardId/make-default', {
    command: 'ChangeDefaultCreditCard', status: 200, summary: 'Make a card the default',
  })
  makeDefault(@CardId() cardId: string, @Ctx() ctx: RequestContext) {
    return { mspId: accountOf(ctx), cardId };
  }
}
