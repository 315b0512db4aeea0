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

/**
 * `secretVersion` names the sealed secret in the secret store (written before the event): the
 * delivery worker opens exactly that version. Not a secret; the secret itself never enters an event.
 */
export interface SecretReference {
  secretLast4?: string;
  secretVersion?: string;
}

export type IntegrationSetUp = DomainEvent<
  'IntegrationSetUp',
  Integration & { mspId: string; settings: IntegrationSettings } & SecretReference
>;
/** With a rotated secret, the `secret` change holds its fingerprints and `secretVersion` the new version. */
export type IntegrationEdited = DomainEvent<
  'IntegrationEdited',
  Integration & { changes: IntegrationFieldChange[]; secretVersion?: string }
>;
export type IntegrationDisconnected = DomainEvent<'IntegrationDisconnected', Integration & { reason?: string }>;
export type IntegrationSyncSucceeded = DomainEvent<'IntegrationSyncSucceeded', Integration & { eventsSent: number }>;
export type IntegrationSyncFailed = DomainEvent<'IntegrationSyncFailed', Integration & { error: string }>;

export type IntegrationEvent =
  | IntegrationSetUp
  | IntegrationEdited
  | IntegrationDisconnected
  | IntegrationSyncSucceeded
  | IntegrationSyncFailed;
