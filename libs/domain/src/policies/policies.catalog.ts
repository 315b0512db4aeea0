import { ActivityCategory } from '../catalog/activity-category';
import { ActivityLogTokenEvent } from './activity-log-token.events';
import { OrgPoliciesEvent } from './org-policies.events';
import { VantaIntegrationEvent } from './vanta-integration.events';

export const policiesEventCategories = {
  PolicyEnabled: 'Policies and Integrations',
  PolicyDisabled: 'Policies and Integrations',
  VantaIntegrationConnected: 'Policies and Integrations',
  VantaIntegrationDisconnected: 'Policies and Integrations',
  ActivityLogTokenCreated: 'Policies and Integrations',
  ActivityLogTokenRevoked: 'Policies and Integrations',
} as const satisfies Record<
  OrgPoliciesEvent['type'] | VantaIntegrationEvent['type'] | ActivityLogTokenEvent['type'],
  ActivityCategory
>;
