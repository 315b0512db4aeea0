import { Role } from '../access/roles';
import { BillingCommand } from './billing.commands';

// Payment is the owner's business; admins run the platform but do not commit the MSP's money.
const owner: Role[] = ['msp_owner'];

export const billingPermissions: Record<BillingCommand['type'], readonly Role[]> = {
  AddBillingDetails: owner,
  ChangeBillingDetails: owner,
  AddCreditCard: owner,
  RemoveCreditCard: owner,
  ChangeDefaultCreditCard: owner,
};
