import { organizationDecider, organizationPermissions, organizationStream } from '@app/domain';
import { bindDecider } from '../shared/command-binding';

export const organizationBinding = bindDecider(organizationDecider, {
  permissions: organizationPermissions,
  streamId: (c) => organizationStream(c.organizationId),
  aggregateId: (c) => c.organizationId,
  tenant: (c, ctx) => ({ mspId: ctx.principal.mspId, orgId: c.organizationId }),
});
