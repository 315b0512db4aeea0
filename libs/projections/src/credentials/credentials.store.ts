import { EcPublicJwk } from '@app/domain';

/** The projector name: its checkpoint is stored under it. */
export const CREDENTIALS_PROJECTOR = 'credentials';

export type CredentialKind = 'msp_api_key' | 'activity_log_token';

/**
 * Whose view a credential reads, named as the audiences are: an MSP key reads as its MSP, an
 * Activity Log token as an organization's admin or owner (chosen when it was created).
 */
export type CredentialScope = 'msp' | 'org_admin' | 'org_owner';

/**
 * One machine credential as its events left it: never a secret (an API key's public half, an
 * Activity Log token's SHA-256), and of the person who made it only their member id.
 */
export interface CredentialRecord {
  id: string;
  kind: CredentialKind;
  /** A key's MSP; a token's supervising MSP (the tenant of its events), if any. */
  mspId: string | null;
  /** A token's organization. */
  orgId: string | null;
  name: string;
  status: 'active' | 'revoked';
  scope: CredentialScope;
  /** Keys: the JWS algorithm, the public key and its RFC 7638 thumbprint; null for a key recorded before key pairs were issued. */
  algorithm: string | null;
  publicKey: EcPublicJwk | null;
  thumbprint: string | null;
  /** Tokens: SHA-256 (hex) of the token; null for one recorded before tokens were issued. */
  tokenHash: string | null;
  expiresAt: string | null;
  /** Member id of whoever created it. */
  createdBy: string;
  createdAt: string;
  rotatedAt: string | null;
  revokedAt: string | null;
  /** Position of the last event applied to it. */
  position: bigint;
}

/** A record with its last use, which is not event-sourced (see recordUse). */
export type CredentialEntry = CredentialRecord & { lastUsedAt: string | null };

export interface CredentialsBatch {
  entries: CredentialRecord[];
  checkpoint: bigint;
}

export type CredentialTenant = { mspId: string; orgId?: undefined } | { orgId: string; mspId?: undefined };

export interface CredentialListQuery {
  kind: CredentialKind;
  /** An MSP's keys, or an organization's tokens. */
  tenant: CredentialTenant;
  afterId?: string;
  limit: number;
}

/**
 * The credential directory: written by its projector (records guarded by position, checkpoint
 * never moving backwards; in one transaction on SQLite, records first on MongoDB), read on every
 * request a machine credential makes. `lastUsedAt` sits beside the records: written by the API
 * when a credential is used (coarsely), kept across rebuilds, never an event.
 */
export interface CredentialsStore {
  load(ids: readonly string[]): Promise<CredentialRecord[]>;
  save(batch: CredentialsBatch): Promise<void>;
  get(id: string): Promise<CredentialEntry | undefined>;
  findByTokenHash(tokenHash: string): Promise<CredentialEntry | undefined>;
  /** One tenant's credentials of a kind, in id order (UUIDv7: oldest first). */
  list(query: CredentialListQuery): Promise<CredentialEntry[]>;
  /** Moves lastUsedAt forward (never back). */
  recordUse(id: string, at: string): Promise<void>;
  checkpoint(): Promise<bigint | undefined>;
  /** Drops every record and the checkpoint (a rebuild); last uses stay. */
  reset(): Promise<void>;
}

export const CREDENTIALS_STORE = Symbol('CredentialsStore');
