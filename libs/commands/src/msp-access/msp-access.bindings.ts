import { mspAccessPermissions, mspMemberAccessDecider, mspMemberAccessStream } from '@app/domain';
import { bindDecider, mspTenant } from '../shared/command-binding';

export const mspMemberAccessBinding = bindDecider(mspMemberAccessDecider, {
  permissions: mspAccessPermissions,
  streamId: (c) => mspMemberAccessStream(c.memberId),
  aggregateId: (c) => c.memberId,
  tenant: mspTenant,
});
