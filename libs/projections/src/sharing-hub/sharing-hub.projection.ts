import { RecordedEvent } from '@app/event-store';
import { MalformedEventError } from '../shared/projection-errors';
import { problemInEvolution, problemInNewRecord } from './sharing-hub.data-checks';
import {
  HubPerson,
  keyOf,
  SharingHistoryEntry,
  SharingHubKey,
  SharingHubRecord,
  SharingPolicyChange,
} from './sharing-hub.record';
import {
  CreationRule,
  Evolution,
  PolicyState,
  SHARING_HUB_RULES,
  SHARING_POLICY_RULES,
  SharingHubRule,
} from './sharing-hub.rules';

/** The one policy the Sharing Hub shows beside every record of an organization. */
export const SHARING_POLICY_KEY = 'restrict_sharing_outside_org';

/**
 * The rules looked up by an event's type string: the one place where an event's data is taken
 * to be what its type declares (reads upcast stored events to the current schema).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const RULES: Readonly<Record<string, SharingHubRule<any> | 'ignored'>> = SHARING_HUB_RULES;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const POLICY_RULES: Readonly<Record<string, (data: any) => PolicyState>> = SHARING_POLICY_RULES;

function ruleOf(event: RecordedEvent): SharingHubRule<unknown> | undefined {
  if (event.expired) return undefined;
  const rule = Object.hasOwn(RULES, event.type) ? RULES[event.type] : 'ignored';
  return rule === 'ignored' ? undefined : rule;
}

const creates = <D>(rule: SharingHubRule<D>): rule is CreationRule<D> => 'create' in rule;

/**
 * The record an event is about, or undefined when the hub ignores the event's type. An event the
 * hub takes but whose data names no record throws MalformedEventError: the hub shows who has
 * access, and guessing past such an event could show access that was revoked.
 */
export function recordKeyOf(event: RecordedEvent): SharingHubKey | undefined {
  const rule = ruleOf(event);
  if (!rule) return undefined;
  const id: unknown = readData(event, 'its record id', () => rule.id(event.data));
  if (typeof id !== 'string' || id === '') throw unreadable(event, `its ${rule.kind} id is not a string`);
  return { kind: rule.kind, id };
}

/** Runs a rule on the event's data: what it throws becomes a MalformedEventError naming the event. */
function readData<T>(event: RecordedEvent, what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw unreadable(event, `${what} cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

function unreadable(event: RecordedEvent, problem: string): MalformedEventError {
  return new MalformedEventError(`event ${event.id} (${event.type}): the Sharing Hub cannot apply it: ${problem}`);
}

function checked<T>(event: RecordedEvent, value: T, problemIn: (value: T) => string | undefined): T {
  const problem = problemIn(value);
  if (problem) throw unreadable(event, problem);
  return value;
}

/** What one event does to its record: the new record and the history entry, or undefined for no change. */
export interface Applied {
  record: SharingHubRecord;
  history: SharingHistoryEntry;
}

/**
 * Evolves one record by one event. Pure. Returns undefined (nothing changes) when the event is
 * not about this record, was already applied (position <= lastPosition), belongs to another
 * organization than the record, or changes nothing the hub shows (an update that keeps the name).
 */
export function applyEvent(current: SharingHubRecord | undefined, event: RecordedEvent): Applied | undefined {
  const rule = ruleOf(event);
  const key = recordKeyOf(event);
  if (!rule || !key) return undefined;
  if (creates(rule)) return current ? undefined : created(rule, key, event);
  if (!current || current.kind !== key.kind || current.id !== key.id) return undefined;
  if (event.position <= current.lastPosition) return undefined;
  const tenantOrg = event.metadata.tenant?.orgId;
  if (tenantOrg !== undefined && tenantOrg !== current.orgId) return undefined;
  const evolution = readData(event, 'its change', () => rule.evolve(current, event.data, event.occurredAt));
  return evolved(current, checked(event, evolution, problemInEvolution), event);
}

function created(rule: CreationRule<unknown>, key: SharingHubKey, event: RecordedEvent): Applied | undefined {
  const made = readData(event, 'its new record', () => rule.create(event.data));
  const { orgId: dataOrgId, ownerMemberId, ownerName, details, ...own } = checked(event, made, problemInNewRecord);
  const orgId = tenantOrgOf(event, dataOrgId);
  if (!orgId) return undefined;
  const by = personOf(event);
  const record: SharingHubRecord = {
    ...key,
    ...own,
    orgId,
    mspId: mspIdOf(event),
    createdBy: by.id === ownerMemberId && by.name === null ? { ...by, name: ownerName } : by,
    createdAt: event.occurredAt,
    owner: { id: ownerMemberId, name: ownerName ?? null },
    sharedWith: [],
    deleted: false,
    deletedAt: null,
    updatedAt: event.occurredAt,
    lastPosition: event.position,
  };
  return { record, history: entry(record, event, 'created', { details }) };
}

function evolved(current: SharingHubRecord, evolution: Evolution | undefined, event: RecordedEvent): Applied | undefined {
  if (!evolution) return undefined;
  const record = { ...current, updatedAt: event.occurredAt, lastPosition: event.position, ...evolution.record };
  return { record, history: entry(record, event, evolution.change, evolution.entry ?? {}) };
}

type EntryBase = Pick<SharingHistoryEntry, 'eventId' | 'position' | 'occurredAt' | 'orgId' | 'recordId' | 'kind' | 'by'>;

function entry(
  record: SharingHubRecord,
  event: RecordedEvent,
  change: SharingHistoryEntry['change'],
  extra: Omit<SharingHistoryEntry, keyof EntryBase | 'change'>,
): SharingHistoryEntry {
  return {
    eventId: event.id,
    position: event.position,
    occurredAt: event.occurredAt,
    orgId: record.orgId,
    recordId: record.id,
    kind: record.kind,
    change,
    by: personOf(event),
    ...extra,
  };
}

function mspIdOf(event: RecordedEvent): string | null {
  const mspId: unknown = event.metadata.tenant?.mspId;
  if (mspId !== undefined && typeof mspId !== 'string') throw unreadable(event, 'metadata.tenant.mspId is not a string');
  return mspId ?? null;
}

function personOf(event: RecordedEvent): HubPerson {
  const actor = event.metadata.actor;
  if (typeof actor?.id !== 'string' || actor.id === '') throw unreadable(event, 'metadata.actor.id is not a string');
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return { id: actor.id, name: text(actor.name), email: text(actor.email) };
}

/** The organization of an event: its tenant, which must agree with the organization its data names. */
function tenantOrgOf(event: RecordedEvent, dataOrgId: string | undefined): string | undefined {
  const tenantOrg: unknown = event.metadata.tenant?.orgId;
  if (tenantOrg !== undefined && typeof tenantOrg !== 'string') throw unreadable(event, 'metadata.tenant.orgId is not a string');
  if (dataOrgId !== undefined && typeof dataOrgId !== 'string') throw unreadable(event, 'its orgId is not a string');
  if (tenantOrg !== undefined && dataOrgId !== undefined && tenantOrg !== dataOrgId) return undefined;
  return tenantOrg ?? dataOrgId;
}

/** The sharing policy an event sets, or undefined when it is not about 'restrict_sharing_outside_org'. */
export function policyChangeOf(event: RecordedEvent): SharingPolicyChange | undefined {
  const rule = Object.hasOwn(POLICY_RULES, event.type) ? POLICY_RULES[event.type] : undefined;
  const policy = rule && readData(event, 'its policy', () => rule(event.data));
  if (policy?.policyKey !== SHARING_POLICY_KEY) return undefined;
  const orgId = tenantOrgOf(event, policy.orgId);
  if (!orgId) return undefined;
  return { orgId, restrictSharingOutsideOrg: policy.enabled, position: event.position, occurredAt: event.occurredAt };
}

/** What a batch writes: every record it changed (latest state), its history entries, and policy changes. */
export interface ProjectedBatch {
  records: SharingHubRecord[];
  history: SharingHistoryEntry[];
  policies: SharingPolicyChange[];
}

/**
 * Applies events in order to the records loaded for them (keyed by `keyOf`). Pure: the input map
 * is left untouched. Events already applied to a record change nothing and add no history.
 */
export function projectBatch(events: readonly RecordedEvent[], loaded: ReadonlyMap<string, SharingHubRecord>): ProjectedBatch {
  const records = new Map(loaded);
  const changed = new Set<string>();
  const history: SharingHistoryEntry[] = [];
  const policies = new Map<string, SharingPolicyChange>();
  for (const event of events) {
    const policy = policyChangeOf(event);
    if (policy) {
      const before = policies.get(policy.orgId);
      if (!before || policy.position > before.position) policies.set(policy.orgId, policy);
      continue;
    }
    const key = recordKeyOf(event);
    if (!key) continue;
    const k = keyOf(key);
    const applied = applyEvent(records.get(k), event);
    if (!applied) continue;
    records.set(k, applied.record);
    changed.add(k);
    history.push(applied.history);
  }
  return { records: [...changed].map((k) => records.get(k)!), history, policies: [...policies.values()] };
}
