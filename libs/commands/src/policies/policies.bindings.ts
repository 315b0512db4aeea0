import {
  activityLogTokenDecider, activityLogTokenStream, orgPoliciesDecider, orgPoliciesStream, vantaIntegrationDecider, vantaIntegrationStream,
} from '@app/domain';
import { bindDecider, supervisedOrganizationTenant } from '../shared/command-binding';
import { orgOf } from '../shared/request-ids';

/** The company-wide policies: one aggregate per organization. */
export const orgPoliciesBinding = bindDecider(orgPoliciesDecider, {
  commands: ['EnablePolicy', 'DisablePolicy'],
  streamId: (_, ctx) => orgPoliciesStream(orgOf(ctx)),
  aggregateId: (_, ctx) => orgOf(ctx),
  tenant: supervisedOrganizationTenant,
});

/** The organization's Vanta integration: one per organization. */
export const vantaIntegrationBinding = bindDecider(vantaIntegrationDecider, {
  commands: ['ConnectVantaIntegration', 'DisconnectVantaIntegration'],
  streamId: (_, ctx) => vantaIntegrationStream(orgOf(ctx)),
  aggregateId: (_, ctx) => orgOf(ctx),
  tenant: supervisedOrganizationTenant,
});

export const activityLogTokenBinding = bindDecider(activityLogTokenDecider, {
  commands: ['CreateActivityLogToken', 'RevokeActivityLogToken'],
  streamId: (c) => activityLogTokenStream(c.tokenId),
  aggregateId: (c) => c.tokenId,
  tenant: supervisedOrganizationTenant,
});
