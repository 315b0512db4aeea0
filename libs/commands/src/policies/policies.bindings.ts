import {
  activityLogTokenDecider, activityLogTokenPermissions, activityLogTokenStream, orgPoliciesDecider, orgPoliciesPermissions,
  orgPoliciesStream, siemIntegrationDecider, siemIntegrationPermissions, siemIntegrationStream, vantaIntegrationDecider,
  vantaIntegrationPermissions, vantaIntegrationStream,
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

/** An organization's own SIEM integrations: one aggregate each. */
export const siemIntegrationBinding = bindDecider(siemIntegrationDecider, {
  permissions: siemIntegrationPermissions,
  streamId: (c) => siemIntegrationStream(c.integrationId),
  aggregateId: (c) => c.integrationId,
  tenant: supervisedOrganizationTenant,
});
