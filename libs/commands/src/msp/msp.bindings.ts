import { mspDecider, mspPermissions, mspStream } from '@app/domain';
import { bindDecider, mspTenant } from '../shared/command-binding';

export const mspBinding = bindDecider(mspDecider, {
  permissions: mspPermissions,
  streamId: (c) => mspStream(c.mspId),
  // The answer names what was acted on: the new account, or the member of the roster.
  aggregateId: (c) => ('memberId' in c ? c.memberId : c.mspId),
  tenant: mspTenant,
});
