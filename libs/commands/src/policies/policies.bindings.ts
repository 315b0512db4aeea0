import {
  activityLogTokenDecider, activityLogTokenPermissions, activityLogTokenStream, orgPoliciesDecider, orgPoliciesPermissions,
  orgPoliciesStream, vantaIntegrationDecider, vantaIntegrationPermissions, vantaIntegrationStream,
} from '@app/domain';
import { bindDecider, supervisedOrganizationTenant } from '../shared/command-binding';
import { orgOf } from '../shared/request-ids';

/** The company-wide policies: one aggregate per organization. */
export const orgPoliciesBinding = bindDecider(orgPoliciesDecider, {
  permissions: orgPoliciesPermissions,
  streamId: (_, ctx) => orgPoliciesStream(orgOf(ctx)),
  aggregateId: (_, ctx) => orgOf(ctx),
  tenant: supervisedOrganizationTenant,
});

/** The organization's Vanta integration: one per organization. */
export const vantaIntegrationBinding = bindDecider(vantaIntegrationDecider, {
  permissions: vantaIntegrationPermissions,
  streamId: (_, ctx) => vantaIntegrationStream(orgOf(ctx)),
  aggregateId: (_, ctx) => orgOf(ctx),
  tenant: supervisedOrganizationTenant,
});

export const activityLogTokenBinding = bindDecider(activityLogTokenDecider, {
  permissions: activityLogTokenPermissions,
  streamId: (c) => activityLogTokenStream(c.tokenId),
  aggregateId: (c) => c.tokenId,
  tenant: supervisedOrganizationTenant,
});
