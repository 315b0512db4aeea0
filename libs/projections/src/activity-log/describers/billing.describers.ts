import { BillingEvent, BillingField, CardBrand, CardRef } from '@app/domain';
import { DescriberMap, TargetRef } from './event-describer';
import { Describers, quote } from './describe-helpers';

const BRAND_LABELS: Record<CardBrand, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
};

const FIELD_LABELS: Record<BillingField, string> = {
  companyName: 'company name',
  billingEmail: 'billing email',
  addressLines: 'address',
  country: 'country',
  vatId: 'VAT ID',
};

/** Brand and last four digits only: never more of a card than that, and never its expiry or token. */
const card = (c: CardRef) => `${BRAND_LABELS[c.brand] ?? c.brand} ending in ${c.last4}`;
const cardTarget = (c: CardRef): TargetRef => ({ type: 'credit_card', id: c.cardId, name: card(c) });
const billing = (d: { mspId: string; companyName: string }): TargetRef => ({
  type: 'billing',
  id: d.mspId,
  name: d.companyName,
});

/** How an MSP's billing details and credit cards read in the Activity Log. */
const describers: Describers<BillingEvent> = {
  BillingDetailsAdded: {
    action: 'Added billing details',
    target: billing,
    summary: (d, v) => `${v.initiatorName} added billing details for ${quote(d.companyName)}`,
  },
  BillingDetailsChanged: {
    action: 'Changed billing details',
    target: billing,
    summary: (d, v) =>
      `${v.initiatorName} changed billing details for ${quote(d.companyName)} ` +
      `(${d.changes.map((c) => FIELD_LABELS[c.field] ?? c.field).join(', ')})`,
  },
  CreditCardAdded: {
    action: 'Added credit card',
    target: cardTarget,
    summary: (d, v) => `${v.initiatorName} added ${card(d)}${d.isDefault ? ' as the default card' : ''}`,
  },
  CreditCardRemoved: {
    action: 'Removed credit card',
    target: cardTarget,
    summary: (d, v) => `${v.initiatorName} removed ${card(d)}`,
  },
  DefaultCreditCardChanged: {
    action: 'Changed default credit card',
    target: (d) => cardTarget(d.newCard),
    summary: (d, v) => `${v.initiatorName} changed the default card from ${card(d.previousCard)} to ${card(d.newCard)}`,
  },
};

export const billingDescribers: DescriberMap = describers;
