import { MspCategory } from '../catalog/activity-category';
import { quote } from '../catalog/describe-helpers';
import { AreaExamples } from '../catalog/catalog-example';
import { DescriberMap, MspAreaDescribers, TargetRef } from '../catalog/event-describer';
import { BillingEvent, BillingField, CardBrand, CardRef } from './billing.events';
import { AreaPrivacy } from '../privacy/personal-data';

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
const describers: MspAreaDescribers<BillingEvent> = {
  BillingDetailsAdded: {
    category: 'Billing',
    action: 'Added billing details',
    target: billing,
    summary: (d, v) => `${v.initiatorName} added billing details for ${quote(d.companyName)}`,
  },
  BillingDetailsChanged: {
    category: 'Billing',
    action: 'Changed billing details',
    target: billing,
    summary: (d, v) =>
      `${v.initiatorName} changed billing details for ${quote(d.companyName)} ` +
      `(${d.changes.map((c) => FIELD_LABELS[c.field] ?? c.field).join(', ')})`,
  },
  CreditCardAdded: {
    category: 'Billing',
    action: 'Added credit card',
    target: cardTarget,
    summary: (d, v) => `${v.initiatorName} added ${card(d)}${d.isDefault ? ' as the default card' : ''}`,
  },
  CreditCardRemoved: {
    category: 'Billing',
    action: 'Removed credit card',
    target: cardTarget,
    summary: (d, v) => `${v.initiatorName} removed ${card(d)}`,
  },
  DefaultCreditCardChanged: {
    category: 'Billing',
    action: 'Changed default credit card',
    target: (d) => cardTarget(d.newCard),
    summary: (d, v) => `${v.initiatorName} changed the default card from ${card(d.previousCard)} to ${card(d.newCard)}`,
  },
};

export const billingDescribers: DescriberMap<MspCategory> = describers;

const visa = { cardId: 'card-1', brand: 'visa' as const, last4: '4242' };
const mastercard = { cardId: 'card-2', brand: 'mastercard' as const, last4: '4444' };

/** A realistic instance of each event and what a reader with generic item details must never see of it. */
export const billingExamples: AreaExamples<BillingEvent> = {
  BillingDetailsAdded: {
    data: { mspId: 'msp-1', companyName: 'Northwind IT', billingEmail: 'billing@northwind.example', addressLines: ['1 Harbour Street'], country: 'GB' },
    hidden: [],
  },
  BillingDetailsChanged: {
    data: { mspId: 'msp-1', companyName: 'Northwind IT Ltd', changes: [{ field: 'companyName', previousValue: 'Northwind IT', newValue: 'Northwind IT Ltd' }] },
    hidden: [],
  },
  CreditCardAdded: { data: { mspId: 'msp-1', ...visa, expMonth: 8, expYear: 2030, providerToken: 'tok_1Nv0Provider', isDefault: true }, hidden: [] },
  CreditCardRemoved: { data: { mspId: 'msp-1', ...mastercard }, hidden: [] },
  DefaultCreditCardChanged: { data: { mspId: 'msp-1', previousCard: visa, newCard: mastercard }, hidden: [] },
};

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
