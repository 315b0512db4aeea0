import { areaViews, Cases, describeAreaDescribers } from '../testing/describer-cases';
import { billingDescribers } from './billing.catalog';
import { BillingEvent } from './billing.events';

const { ownerView } = areaViews();

const visa = { cardId: 'card-1', brand: 'visa' as const, last4: '4242' };
const mastercard = { cardId: 'card-2', brand: 'mastercard' as const, last4: '4444' };

const cases: Cases<BillingEvent> = {
  BillingDetailsAdded: {
    data: {
      mspId: 'msp-1',
      companyName: 'Northwind IT',
      billingEmail: 'billing@northwind.example',
      addressLines: ['1 Harbour Street', 'Leeds LS1 4AB'],
      country: 'GB',
      vatId: 'GB123456789',
    },
    action: 'Added billing details',
    target: { type: 'billing', id: 'msp-1', name: 'Northwind IT' },
    summary: "Ann Lee added billing details for 'Northwind IT'",
  },
  BillingDetailsChanged: {
    data: {
      mspId: 'msp-1',
      companyName: 'Northwind IT Ltd',
      changes: [
        { field: 'companyName', previousValue: 'Northwind IT', newValue: 'Northwind IT Ltd' },
        { field: 'addressLines', previousValue: ['1 Harbour Street'], newValue: ['2 Dock Road'] },
        { field: 'vatId', previousValue: null, newValue: 'GB123456789' },
      ],
    },
    action: 'Changed billing details',
    target: { type: 'billing', id: 'msp-1', name: 'Northwind IT Ltd' },
    summary: "Ann Lee changed billing details for 'Northwind IT Ltd' (company name, address, VAT ID)",
  },
  CreditCardAdded: {
    data: {
      mspId: 'msp-1',
      ...visa,
      expMonth: 8,
      expYear: 2030,
      providerToken: 'tok_1Nv0PaymentProvider',
      isDefault: true,
    },
    action: 'Added credit card',
    target: { type: 'credit_card', id: 'card-1', name: 'Visa ending in 4242' },
    summary: 'Ann Lee added Visa ending in 4242 as the default card',
  },
  CreditCardRemoved: {
    data: { mspId: 'msp-1', ...mastercard },
    action: 'Removed credit card',
    target: { type: 'credit_card', id: 'card-2', name: 'Mastercard ending in 4444' },
    summary: 'Ann Lee removed Mastercard ending in 4444',
  },
  DefaultCreditCardChanged: {
    data: { mspId: 'msp-1', previousCard: visa, newCard: mastercard },
    action: 'Changed default credit card',
    target: { type: 'credit_card', id: 'card-2', name: 'Mastercard ending in 4444' },
    summary: 'Ann Lee changed the default card from Visa ending in 4242 to Mastercard ending in 4444',
  },
};

describe('Billing describers', () => {
  describeAreaDescribers(billingDescribers, cases);

  it("shows a card's brand and last four only: never its expiry nor the provider's token", () => {
    const summary = billingDescribers.CreditCardAdded.summary(cases.CreditCardAdded.data, ownerView);
    expect(summary).not.toMatch(/tok_|2030|08|\b8\b/);
  });

  it('shows the values of changed billing details nowhere in the sentence', () => {
    const summary = billingDescribers.BillingDetailsChanged.summary(cases.BillingDetailsChanged.data, ownerView);
    expect(summary).not.toMatch(/Dock Road|GB123456789/);
  });

  it('says nothing about the default when an added card is not the default', () => {
    const data = { ...cases.CreditCardAdded.data, ...mastercard, isDefault: false };
    expect(billingDescribers.CreditCardAdded.summary(data, ownerView)).toBe('Ann Lee added Mastercard ending in 4444');
  });

  it.each([
    ['amex', 'American Express'],
    ['discover', 'Discover'],
    ['diners', 'Diners Club'],
    ['jcb', 'JCB'],
    ['unionpay', 'UnionPay'],
  ])('names the brand %s', (brand, label) => {
    expect(
      billingDescribers.CreditCardRemoved.target({ mspId: 'msp-1', cardId: 'card-9', brand, last4: '0005' }),
    ).toEqual({
      type: 'credit_card',
      id: 'card-9',
      name: `${label} ending in 0005`,
    });
  });

  it.each([
    ['billingEmail', 'billing email'],
    ['country', 'country'],
  ])('names the billing field %s', (field, label) => {
    const data = {
      mspId: 'msp-1',
      companyName: 'Northwind IT',
      changes: [{ field, previousValue: 'a', newValue: 'b' }],
    };
    expect(billingDescribers.BillingDetailsChanged.summary(data, ownerView)).toBe(
      `Ann Lee changed billing details for 'Northwind IT' (${label})`,
    );
  });
});
