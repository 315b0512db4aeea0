import { DomainEvent } from '../shared/decider';

export interface BillingDetails {
  companyName: string;
  billingEmail: string;
  addressLines: string[];
  /** ISO 3166-1 alpha-2. */
  country: string;
  vatId?: string;
}

export type BillingField = keyof BillingDetails;

export interface BillingFieldChange {
  field: BillingField;
  previousValue: string | string[] | null;
  newValue: string | string[] | null;
}

export const CARD_BRANDS = ['visa', 'mastercard', 'amex', 'discover', 'diners', 'jcb', 'unionpay'] as const;
export type CardBrand = (typeof CARD_BRANDS)[number];

/** How a card is shown: never more of its number than the last four digits. */
export interface CardRef {
  cardId: string;
  brand: CardBrand;
  last4: string;
}

type Msp = { mspId: string };

export type BillingDetailsAdded = DomainEvent<'BillingDetailsAdded', Msp & BillingDetails>;
export type BillingDetailsChanged = DomainEvent<
  'BillingDetailsChanged',
  Msp & { companyName: string; changes: BillingFieldChange[] }
>;
export type CreditCardAdded = DomainEvent<
  'CreditCardAdded',
  Msp & CardRef & { expMonth: number; expYear: number; providerToken: string; isDefault: boolean }
>;
export type CreditCardRemoved = DomainEvent<'CreditCardRemoved', Msp & CardRef>;
export type DefaultCreditCardChanged = DomainEvent<
  'DefaultCreditCardChanged',
  Msp & { previousCard: CardRef; newCard: CardRef }
>;

export type BillingEvent =
  | BillingDetailsAdded
  | BillingDetailsChanged
  | CreditCardAdded
  | CreditCardRemoved
  | DefaultCreditCardChanged;
