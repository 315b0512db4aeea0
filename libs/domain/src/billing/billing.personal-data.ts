import { AreaPrivacy } from '../privacy/personal-data';
import { BillingEvent } from './billing.events';

/**
 * Billing details are the MSP's company data (a billing address and contact, not a member's):
 * kept with the MSP, not erased with a member. Cards are never more than brand and last four.
 */
export const billingPrivacy: AreaPrivacy<BillingEvent> = {
  BillingDetailsAdded: { retention: 'state', personal: [] },
  BillingDetailsChanged: { retention: 'state', personal: [] },
  CreditCardAdded: { retention: 'state', personal: [] },
  CreditCardRemoved: { retention: 'state', personal: [] },
  DefaultCreditCardChanged: { retention: 'state', personal: [] },
};
