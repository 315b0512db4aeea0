import { DomainEvent } from '../shared/decider';

export const INTEGRATION_KINDS = ['splunk', 'microsoft_sentinel', 'psa', 'rmm'] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];

/** Non-secret connection settings; secrets are kept elsewhere and only fingerprinted here. */
export type IntegrationSettings = Record<string, string>;

type Integration = { integrationId: string; kind: IntegrationKind; name: string };

export interface IntegrationFieldChange {
  field: string;
  previousValue: string | null;
  newValue: string | null;
}

export type IntegrationSetUp = DomainEvent<
  'IntegrationSetUp',
  Integration & { mspId: string; settings: IntegrationSettings; secretLast4?: string }
>;
export type IntegrationEdited = DomainEvent<'IntegrationEdited', Integration & { changes: IntegrationFieldChange[] }>;
export type IntegrationDisconnected = DomainEvent<'IntegrationDisconnected', Integration & { reason?: string }>;
export type IntegrationSyncSucceeded = DomainEvent<'IntegrationSyncSucceeded', Integration & { eventsSent: number }>;
export type IntegrationSyncFailed = DomainEvent<'IntegrationSyncFailed', Integration & { error: string }>;

export type IntegrationEvent =
  | IntegrationSetUp
  | IntegrationEdited
  | IntegrationDisconnected
  | IntegrationSyncSucceeded
  | IntegrationSyncFailed;
