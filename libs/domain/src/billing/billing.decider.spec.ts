import { InvalidInput, NotFound, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';
import { given } from '../testing/given-when-then';
import { billingDecider as decider } from './billing.decider';
import { AddCreditCard } from './billing.commands';
import { BillingEvent, CardRef } from './billing.events';

const mspId = 'msp-1';
const by: Initiator = { memberId: 'm-1', role: 'msp_owner', mspId };
const other: Initiator = { memberId: 'm-9', role: 'msp_owner', mspId: 'msp-2' };
const now = new Date('2025-06-15T10:00:00.000Z');
const details = { companyName: 'Acme MSP', billingEmail: 'billing@acme.test', addressLines: ['1 Main St', 'Springfield'], country: 'US' };

const added: BillingEvent = { type: 'BillingDetailsAdded', data: { mspId, ...details } };
const visa: CardRef = { cardId: 'card-1', brand: 'visa', last4: '1111' };
const amex: CardRef = { cardId: 'card-2', brand: 'amex', last4: '0005' };
const expiry = { expMonth: 6, expYear: 2025, providerToken: 'pm_123' };
const visaAdded: BillingEvent = { type: 'CreditCardAdded', data: { mspId, ...visa, ...expiry, isDefault: true } };
const amexAdded: BillingEvent = { type: 'CreditCardAdded', data: { mspId, ...amex, ...expiry, providerToken: 'pm_456', isDefault: false } };
const addAmex: AddCreditCard = { type: 'AddCreditCard', mspId, ...amex, ...expiry, providerToken: 'pm_456', now, by };

describe('Billing decider', () => {
  describe('AddBillingDetails', () => {
    it('adds the details of the initiator’s MSP', () =>
      given(decider).when({ type: 'AddBillingDetails', mspId, ...details, by }).then([added]));
    it('keeps an optional VAT id', () =>
      given(decider).when({ type: 'AddBillingDetails', mspId, ...details, vatId: 'DE123456789', by })
        .then([{ type: 'BillingDetailsAdded', data: { mspId, ...details, vatId: 'DE123456789' } }]));
    it('refuses to add them twice', () =>
      given(decider, [added]).when({ type: 'AddBillingDetails', mspId, ...details, by }).thenRefuses(Refused, /already exist/));
    it('answers not found for another MSP’s account', () =>
      given(decider).when({ type: 'AddBillingDetails', mspId, ...details, by: other }).thenRefuses(NotFound));
  });

  describe('ChangeBillingDetails', () => {
    it('records the previous and new value of each changed field', () =>
      given(decider, [added]).when({ type: 'ChangeBillingDetails', mspId, companyName: 'Acme MSP Inc', addressLines: ['2 Main St'], country: 'US', vatId: 'US1', by })
        .then([{ type: 'BillingDetailsChanged', data: { mspId, companyName: 'Acme MSP Inc', changes: [
          { field: 'companyName', previousValue: 'Acme MSP', newValue: 'Acme MSP Inc' },
          { field: 'addressLines', previousValue: details.addressLines, newValue: ['2 Main St'] },
          { field: 'vatId', previousValue: null, newValue: 'US1' },
        ] } }]));
    it('removes the VAT id with null', () => {
      const withVat: BillingEvent = { type: 'BillingDetailsAdded', data: { mspId, ...details, vatId: 'US1' } };
      given(decider, [withVat]).when({ type: 'ChangeBillingDetails', mspId, vatId: null, by })
        .then([{ type: 'BillingDetailsChanged', data: { mspId, companyName: 'Acme MSP', changes: [{ field: 'vatId', previousValue: 'US1', newValue: null }] } }]);
    });
    it('refuses a change that changes nothing', () =>
      given(decider, [added]).when({ type: 'ChangeBillingDetails', mspId, companyName: 'Acme MSP', addressLines: [...details.addressLines], vatId: null, by })
        .thenRefuses(Refused, /already hold/));
    it('compares against the latest values', () => {
      const changed: BillingEvent = { type: 'BillingDetailsChanged', data: { mspId, companyName: 'B', changes: [{ field: 'companyName', previousValue: 'Acme MSP', newValue: 'B' }] } };
      given(decider, [added, changed]).when({ type: 'ChangeBillingDetails', mspId, companyName: 'B', by }).thenRefuses(Refused);
    });
    it('answers not found before details were added', () =>
      given(decider).when({ type: 'ChangeBillingDetails', mspId, companyName: 'X', by }).thenRefuses(NotFound, /not found/));
    it('answers not found to another MSP', () =>
      given(decider, [added]).when({ type: 'ChangeBillingDetails', mspId, companyName: 'X', by: other }).thenRefuses(NotFound));
  });

  describe('AddCreditCard', () => {
    it('makes the first card the default', () =>
      given(decider, [added]).when({ ...addAmex, ...visa, providerToken: 'pm_123' }).then([visaAdded]));
    it('adds later cards as not default', () =>
      given(decider, [added, visaAdded]).when(addAmex).then([amexAdded]));
    it('makes a card the default again once every card was removed', () => {
      const removed: BillingEvent = { type: 'CreditCardRemoved', data: { mspId, ...visa } };
      given(decider, [added, visaAdded, removed]).when(addAmex).then([{ ...amexAdded, data: { ...amexAdded.data, isDefault: true } }]);
    });
    it('accepts a card that expires at the end of this month', () =>
      given(decider, [added]).when({ ...addAmex, expMonth: 6, expYear: 2025 }).then([{ ...amexAdded, data: { ...amexAdded.data, isDefault: true } }]));
    it('refuses an expired card', () => {
      given(decider, [added]).when({ ...addAmex, expMonth: 5, expYear: 2025 }).thenRefuses(InvalidInput, /expired/);
      given(decider, [added]).when({ ...addAmex, expMonth: 12, expYear: 2024 }).thenRefuses(InvalidInput, /expired/);
    });
    it('refuses the same card twice', () =>
      given(decider, [added, amexAdded]).when(addAmex).thenRefuses(Refused, /already added/));
    it('answers not found before billing details were added', () =>
      given(decider).when(addAmex).thenRefuses(NotFound));
    it('answers not found to another MSP', () =>
      given(decider, [added]).when({ ...addAmex, by: other }).thenRefuses(NotFound));
  });

  describe('RemoveCreditCard', () => {
    it('removes a card that is not the default', () =>
      given(decider, [added, visaAdded, amexAdded]).when({ type: 'RemoveCreditCard', mspId, cardId: 'card-2', by })
        .then([{ type: 'CreditCardRemoved', data: { mspId, ...amex } }]));
    it('removes the default card when it is the only one', () =>
      given(decider, [added, visaAdded]).when({ type: 'RemoveCreditCard', mspId, cardId: 'card-1', by })
        .then([{ type: 'CreditCardRemoved', data: { mspId, ...visa } }]));
    it('refuses to remove the default card while others exist', () =>
      given(decider, [added, visaAdded, amexAdded]).when({ type: 'RemoveCreditCard', mspId, cardId: 'card-1', by })
        .thenRefuses(Refused, /visa ending 1111 is the default card/));
    it('answers not found for an unknown card', () =>
      given(decider, [added, visaAdded]).when({ type: 'RemoveCreditCard', mspId, cardId: 'card-9', by }).thenRefuses(NotFound, /card-9 not found/));
    it('answers not found to another MSP', () =>
      given(decider, [added, visaAdded]).when({ type: 'RemoveCreditCard', mspId, cardId: 'card-1', by: other }).thenRefuses(NotFound));
  });

  describe('ChangeDefaultCreditCard', () => {
    const changed: BillingEvent = { type: 'DefaultCreditCardChanged', data: { mspId, previousCard: visa, newCard: amex } };
    it('records the previous and the new default card', () =>
      given(decider, [added, visaAdded, amexAdded]).when({ type: 'ChangeDefaultCreditCard', mspId, cardId: 'card-2', by }).then([changed]));
    it('lets the former default be removed afterwards', () =>
      given(decider, [added, visaAdded, amexAdded, changed]).when({ type: 'RemoveCreditCard', mspId, cardId: 'card-1', by })
        .then([{ type: 'CreditCardRemoved', data: { mspId, ...visa } }]));
    it('refuses the card that already is the default', () =>
      given(decider, [added, visaAdded, amexAdded]).when({ type: 'ChangeDefaultCreditCard', mspId, cardId: 'card-1', by })
        .thenRefuses(Refused, /already the default/));
    it('answers not found for an unknown card', () =>
      given(decider, [added, visaAdded]).when({ type: 'ChangeDefaultCreditCard', mspId, cardId: 'card-9', by }).thenRefuses(NotFound));
    it('answers not found to another MSP', () =>
      given(decider, [added, visaAdded, amexAdded]).when({ type: 'ChangeDefaultCreditCard', mspId, cardId: 'card-2', by: other }).thenRefuses(NotFound));
  });
});
