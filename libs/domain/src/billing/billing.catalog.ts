import { ActivityCategory } from '../catalog/activity-category';
import { BillingEvent } from './billing.events';

export const billingEventCategories = {
  BillingDetailsAdded: 'Billing',
  BillingDetailsChanged: 'Billing',
  CreditCardAdded: 'Billing',
  CreditCardRemoved: 'Billing',
  DefaultCreditCardChanged: 'Billing',
} as const satisfies Record<BillingEvent['type'], ActivityCategory>;
