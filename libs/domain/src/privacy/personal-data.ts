import { DomainEvent } from '../shared/decider';

/**
 * What a personal value is. Every kind is sealed alike; the kind tells the email filter which
 * values to index (emails), and the docs what is kept.
 */
export const PERSONAL_KINDS = ['email', 'name', 'ip', 'userAgent', 'text'] as const;
export type PersonalKind = (typeof PERSONAL_KINDS)[number];

/**
 * Whose a value is: the event's actor (a member acting, or the author of free text), or the
 * member whose id the event's data names. A function answering undefined says the value belongs
 * to nobody this time (a share with a group names a group, not a person): it stays in clear.
 */
export type SubjectRule<D> = 'actor' | ((data: D) => string | undefined);

/**
 * One personal field of an event's data: where it is (a dot path, e.g. `previousOwner.email`;
 * the catalog test checks every path against a sample of its event), what it is, and whose.
 */
export interface PersonalField<D> {
  readonly path: string;
  readonly kind: PersonalKind;
  readonly subject: SubjectRule<D>;
}

/**
 * How long an event's payload stays readable:
 * - `activity`: a record that something was used, accessed or attempted, which no aggregate's
 *   decision and no state view needs later (sign-ins of organization members, item uses, syncs).
 *   Its payload is sealed under its tenant's key for the month it happened in, which the retention
 *   job deletes once the month is wholly out of retention.
 * - `state`: changes what something is (a member, an item and its shares, an organization…); the
 *   command side folds it for as long as the thing exists, so its payload is kept. Past the
 *   retention its entries still leave every view, and its personal fields die with their
 *   subject's key.
 */
export type RetentionClass = 'activity' | 'state';

/** What an event type holds of people, and how long its payload lives. */
export interface EventPrivacy<D> {
  readonly retention: RetentionClass;
  /** Every personal field of the data; `[]` says in so many words that there is none. */
  readonly personal: readonly PersonalField<D>[];
}

/** Exactly one declaration per event type of an area's union, typed against that event's data. */
export type AreaPrivacy<E extends DomainEvent> = {
  readonly [T in E['type']]: EventPrivacy<Extract<E, { type: T }>['data']>;
};

/**
 * The envelope's personal fields, the same for every event: they belong to the actor when the
 * actor is a member (a service or an API client is no person; its own client is no person's).
 */
export const ACTOR_PERSONAL_FIELDS = [
  { path: 'actor.email', kind: 'email' },
  { path: 'actor.name', kind: 'name' },
  { path: 'client.ip', kind: 'ip' },
  { path: 'client.userAgent', kind: 'userAgent' },
] as const satisfies readonly { path: string; kind: PersonalKind }[];

/** The subject scopes: a person is a member of one MSP or of one organization. */
export type SubjectScope = `msp:${string}` | `org:${string}`;

/** A person whose data is sealed under a key of their own: a member, within the tenant that holds them. */
export interface Subject {
  scope: SubjectScope;
  memberId: string;
}

const MSP_ROLE_PREFIX = 'msp_';

/**
 * The scope of the members an event names: an organization's event names the organization's
 * members, an MSP's event the MSP's. Undefined for an event of neither.
 */
export function memberScopeOf(tenant: { mspId?: string; orgId?: string }): SubjectScope | undefined {
  if (tenant.orgId) return `org:${tenant.orgId}`;
  if (tenant.mspId) return `msp:${tenant.mspId}`;
  return undefined;
}

/** The scope of a member actor: an MSP role acts as a member of its MSP, any other role as one of the event's organization. */
export function actorScopeOf(role: string | undefined, tenant: { mspId?: string; orgId?: string }): SubjectScope | undefined {
  if (role?.startsWith(MSP_ROLE_PREFIX)) return tenant.mspId ? `msp:${tenant.mspId}` : undefined;
  return memberScopeOf(tenant);
}
