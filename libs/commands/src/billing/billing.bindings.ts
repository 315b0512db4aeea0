import { billingDecider, billingPermissions, billingStream } from '@app/domain';
import { bindDecider, mspTenant } from '../shared/command-binding';

/** One billing account per MSP. */
export const billingBinding = bindDecider(billingDecider, {
  permissions: billingPermissions,
  streamId: (c) => billingStream(c.mspId),
  aggregateId: (c) => c.mspId,
  tenant: mspTenant,
});
