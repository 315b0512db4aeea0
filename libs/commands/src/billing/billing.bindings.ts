import { billingDecider, billingStream } from '@app/domain';
import { bindDecider, mspTenant } from '../shared/command-binding';

/** One billing account per MSP. */
export const billingBinding = bindDecider(billingDecider, {
  commands: ['AddBillingDetails', 'ChangeBillingDetails', 'AddCreditCard', 'RemoveCreditCard', 'ChangeDefaultCreditCard'],
  streamId: (c) => billingStream(c.mspId),
  aggregateId: (c) => c.mspId,
  tenant: mspTenant,
});
