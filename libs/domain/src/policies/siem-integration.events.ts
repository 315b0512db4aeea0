import { DomainEvent } from '../shared/decider';
import { IntegrationFieldChange, IntegrationSettings, SecretReference } from '../integrations/integration.events';
import { SiemKind } from '../integrations/integration-settings';

/**
 * An organization's own SIEM integration: its Business Activity Log pushed to its Splunk or
 * Sentinel. The same settings and secret handling as an MSP's integration, but organization-side
 * events (Policies and Integrations), so its owners see them in their log.
 */
type SiemIntegration = { integrationId: string; kind: SiemKind; name: string };

export type SiemIntegrationSetUp = DomainEvent<
  'SiemIntegrationSetUp',
  SiemIntegration & { orgId: string; settings: IntegrationSettings } & SecretReference
>;
export type SiemIntegrationEdited = DomainEvent<
  'SiemIntegrationEdited',
  SiemIntegration & { changes: IntegrationFieldChange[]; secretVersion?: string }
>;
export type SiemIntegrationDisconnected = DomainEvent<'SiemIntegrationDisconnected', SiemIntegration & { reason?: string }>;
export type SiemIntegrationSyncSucceeded = DomainEvent<'SiemIntegrationSyncSucceeded', SiemIntegration & { eventsSent: number }>;
export type SiemIntegrationSyncFailed = DomainEvent<'SiemIntegrationSyncFailed', SiemIntegration & { error: string }>;

export type SiemIntegrationEvent =
  | SiemIntegrationSetUp
  | SiemIntegrationEdited
  | SiemIntegrationDisconnected
  | SiemIntegrationSyncSucceeded
  | SiemIntegrationSyncFailed;
