import { Role } from '../access/roles';
import { Initiator } from '../shared/initiator';
import { BillingDetails, CardBrand } from './billing.events';

/** One billing account per MSP: `mspId` is both the aggregate id and the tenant. */
interface BillingCommandBase {
  mspId: string;
  by: Initiator;
}

export type AddBillingDetails = BillingCommandBase & BillingDetails & { type: 'AddBillingDetails' };
/** Only the fields given change; a `vatId` of null removes it. */
export type ChangeBillingDetails = BillingCommandBase &
  Partial<Omit<BillingDetails, 'vatId'>> & { type: 'ChangeBillingDetails'; vatId?: string | null };
export type AddCreditCard = BillingCommandBase & {
  type: 'AddCreditCard';
  cardId: string;
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
  providerToken: string;
  now: Date;
};
export type RemoveCreditCard = BillingCommandBase & { type: 'RemoveCreditCard'; cardId: string };
export type ChangeDefaultCreditCard = BillingCommandBase & { type: 'ChangeDefaultCreditCard'; cardId: string };

export type BillingCommand =
  | AddBillingDetails
  | ChangeBillingDetails
  | AddCreditCard
  | RemoveCreditCard
  | ChangeDefaultCreditCard;

// Payment is the owner's business; admins run the platform but do not commit the MSP's money.
const owner: Role[] = ['msp_owner'];

export const billingPermissions: Record<BillingCommand['type'], readonly Role[]> = {
  AddBillingDetails: owner,
  ChangeBillingDetails: owner,
  AddCreditCard: owner,
  RemoveCreditCard: owner,
  ChangeDefaultCreditCard: owner,
};

export const billingStream = (mspId: string) => `billing-${mspId}`;
