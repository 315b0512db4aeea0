import { AreaPrivacy } from '../privacy/personal-data';
import { ActivityLogTokenEvent } from './activity-log-token.events';
import { OrgPoliciesEvent } from './org-policies.events';
import { SiemIntegrationEvent } from './siem-integration.events';
import { VantaIntegrationEvent } from './vanta-integration.events';

const reason = [{ path: 'reason', kind: 'text', subject: 'actor' }] as const;

/** Policies, tokens and integrations are the organization's; a reason someone typed is its author's. */
export const policiesPrivacy: AreaPrivacy<OrgPoliciesEvent | VantaIntegrationEvent | ActivityLogTokenEvent | SiemIntegrationEvent> = {
  PolicyEnabled: { retention: 'state', personal: [] },
  PolicyDisabled: { retention: 'state', personal: [] },
  VantaIntegrationConnected: { retention: 'state', personal: [] },
  VantaIntegrationDisconnected: { retention: 'state', personal: reason },
  ActivityLogTokenCreated: { retention: 'state', personal: [] },
  ActivityLogTokenRevoked: { retention: 'state', personal: [] },
  SiemIntegrationSetUp: { retention: 'state', personal: [] },
  SiemIntegrationEdited: { retention: 'state', personal: [] },
  SiemIntegrationDisconnected: { retention: 'state', personal: reason },
  SiemIntegrationSyncSucceeded: { retention: 'activity', personal: [] },
  SiemIntegrationSyncFailed: { retention: 'activity', personal: [] },
};
