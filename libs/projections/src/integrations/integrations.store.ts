import { IntegrationKind, IntegrationSettings } from '@app/domain';

/** The projector name: its checkpoint is stored under it. */
export const INTEGRATIONS_PROJECTOR = 'integrations';

/** Who owns an integration: an MSP (MSP log and every supervised organization), or one organization (its Business Activity Log). */
export type IntegrationOwner =
  | { type: 'msp'; mspId: string }
  /** `mspId`: the MSP supervising the organization when it was set up, if any (the tenant of its events). */
  | { type: 'organization'; orgId: string; mspId: string | null };

/** One integration as its last configuration event left it; never a secret. */
export interface IntegrationEntry {
  integrationId: string;
  /** The stream its configuration lives in (integration-… or siemIntegration-…). */
  streamId: string;
  owner: IntegrationOwner;
  kind: IntegrationKind;
  name: string;
  settings: IntegrationSettings;
  secretLast4: string | null;
  /** The sealed secret to open (secret store), when there is one. */
  secretVersion: string | null;
  status: 'connected' | 'disconnected';
  /** Position of the set-up event: delivery starts after it. */
  setUpPosition: bigint;
  createdAt: string;
  updatedAt: string;
  /** Position of the last configuration event applied (syncs do not count): a worker runs one configuration. */
  position: bigint;
}

export type DeliveryState = 'idle' | 'delivering' | 'retrying' | 'parked';

/**
 * How delivery to a SIEM goes, written by its delivery worker (not by the projector: it is not
 * derived from events, and a rebuild of the view keeps it). Counters are cumulative.
 */
export interface DeliveryStatus {
  integrationId: string;
  state: DeliveryState;
  /** The configuration (entry position) the worker ran with. */
  configPosition: bigint;
  lastSuccessAt: string | null;
  lastError: { message: string; at: string } | null;
  eventsSent: number;
  /** Bytes of the JSON entries pushed (before HEC framing or gzip). */
  bytesSent: number;
  updatedAt: string;
}

export interface IntegrationsBatch {
  entries: IntegrationEntry[];
  checkpoint: bigint;
}

export type IntegrationOwnerQuery = { mspId: string; orgId?: undefined } | { orgId: string; mspId?: undefined };

export interface IntegrationListQuery {
  /** MSP-owned integrations of this MSP, or organization-owned ones of this organization. */
  owner: IntegrationOwnerQuery;
  afterId?: string;
  limit: number;
}

export interface IntegrationKindQuery {
  kinds: readonly IntegrationKind[];
  afterId?: string;
  limit: number;
}

/**
 * The integrations view: written by its projector (entries guarded by position, the checkpoint
 * never moving backwards, so a store without transactions writes entries first), read by the
 * delivery supervisor (which workers to run) and the status routes. Delivery statuses sit beside
 * the entries, written by the workers.
 */
export interface IntegrationsStore {
  load(ids: readonly string[]): Promise<IntegrationEntry[]>;
  save(batch: IntegrationsBatch): Promise<void>;
  get(integrationId: string): Promise<IntegrationEntry | undefined>;
  /** One owner's integrations in id order (UUIDv7: oldest first). */
  list(query: IntegrationListQuery): Promise<IntegrationEntry[]>;
  /** Every integration of these kinds, whoever owns it, in id order. */
  listByKind(query: IntegrationKindQuery): Promise<IntegrationEntry[]>;
  checkpoint(): Promise<bigint | undefined>;
  /** Drops every entry and the checkpoint (a rebuild); delivery statuses stay. */
  reset(): Promise<void>;
  saveDelivery(status: DeliveryStatus): Promise<void>;
  deliveries(integrationIds: readonly string[]): Promise<DeliveryStatus[]>;
}

export const INTEGRATIONS_STORE = Symbol('IntegrationsStore');

/** The checkpoint of an integration's delivery worker, in the read store's checkpoint table. */
export const deliveryCheckpointName = (integrationId: string) => `siem-delivery:${integrationId}`;
