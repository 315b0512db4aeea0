import { actorScopeOf, ACTOR_PERSONAL_FIELDS, memberScopeOf, PersonalKind, privacyOf, SubjectScope } from '@app/domain';
import { DataKey } from '@app/crypto';
import { NewEvent } from '@app/event-store';
import { boundedMemo } from './bounded-memo';
import { DataKeys } from './data-keys';
import { EmailIndex } from './email-index';
import { isToken, tokenSealer, TokenContext } from './personal-token';
import { periodKeyId, periodOf, RETAINED_FIELD, RetainedPayload, RetentionPeriod, sealRetained } from './retained-payload';
import { pseudonymOf, subjectOf } from './subjects';

/** A NewEvent whose id is known: the id is part of what its sealed values are bound to. */
export type IdentifiedEvent = NewEvent & { id: string };

type Subject = ReturnType<typeof subjectOf>;

/** The month's key of an `activity` event: 'none' for an event of no tenant, 'expired' for a month expired already. */
type Period = { keyId: string; key: DataKey } | 'expired' | 'none';

/** One value to seal: where it is (in the data or the envelope), what it is and whose. */
interface Sealing {
  place: 'data' | 'metadata';
  /** The path, split once per event type. */
  keys: readonly string[];
  value: string;
  kind: PersonalKind;
  subject: Subject;
}

/**
 * Seals an event before it is appended, as the domain declares it (EVENT_PRIVACY):
 * each personal value under its member's key (made on first use), the event's id and type as
 * associated data; a member whose data was erased gets their pseudonym instead (no key is made
 * again). Emails are indexed for the member-email filter. An `activity` event's payload then goes
 * under its tenant's key for the current month (see retained-payload.ts).
 */
export class EventSealer {
  constructor(
    private readonly keys: DataKeys,
    private readonly emails: EmailIndex,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async seal(event: IdentifiedEvent): Promise<NewEvent> {
    const sealings = sealingsOf(event);
    const tenantPeriod = this.tenantPeriodOf(event);
    // The usual case, every key in memory and every email indexed already: sealed without an await.
    const ready = this.inMemory(sealings, typeof tenantPeriod === 'object' ? periodKeyId(tenantPeriod) : tenantPeriod);
    if (ready) return this.sealWith(event, sealings, ready.keys, ready.period);
    const subjects = new Map(sealings.map(({ subject }) => [subject.keyId, subject]));
    // All at once, so that a new member's key, their email entry and a new month's key join the key store's next
    // group commit together (the store indexes no email of an erased member).
    const [keyList, , period] = await Promise.all([
      Promise.all([...subjects].map(async ([keyId, subject]) => [keyId, await this.keys.subjectKeyForSealing(subject)] as const)),
      Promise.all(sealings.filter((s) => s.kind === 'email').map((s) => this.emails.register(s.subject.scope, s.value, s.subject.keyId, s.subject.memberId))),
      tenantPeriod === undefined || tenantPeriod === 'none' ? tenantPeriod : this.keys.periodKeyForSealing(tenantPeriod),
    ]);
    return this.sealWith(event, sealings, new Map(keyList), period);
  }

  /** The keys this event needs when all are in memory (and every email of it indexed), else undefined. */
  private inMemory(sealings: Sealing[], periodKeyId: string | 'none' | undefined): { keys: Map<string, DataKey>; period: Period | undefined } | undefined {
    const keys = new Map<string, DataKey>();
    for (const s of sealings) {
      const key = keys.get(s.subject.keyId) ?? this.keys.subjectKeyInMemory(s.subject.keyId);
      if (!key) return undefined;
      if (s.kind === 'email' && !this.emails.isRegistered(s.subject.scope, s.value, s.subject.keyId)) return undefined;
      keys.set(s.subject.keyId, key);
    }
    if (periodKeyId === undefined || periodKeyId === 'none') return { keys, period: periodKeyId };
    const key = this.keys.periodKeyInMemory(periodKeyId);
    return key ? { keys, period: { keyId: periodKeyId, key } } : undefined;
  }

  private sealWith(event: IdentifiedEvent, sealings: Sealing[], keys: Map<string, DataKey | 'erased'>, period: Period | undefined): NewEvent {
    if (sealings.length === 0 && period === undefined) return event;
    const context: TokenContext = { eventId: event.id, eventType: event.type };
    const sealToken = tokenSealer(context);
    const sealed = copyOnWrite(event);
    for (const s of sealings) {
      const key = keys.get(s.subject.keyId)!;
      sealed.set(s.place, s.keys, key === 'erased' ? pseudonymOf(s.subject.keyId) : sealToken(key, s.subject.keyId, s.value));
    }
    return period ? this.retain(sealed.event, context, period) : sealed.event;
  }

  /** An `activity` event's tenant and month; 'none' for one of no tenant (kept as is), undefined for any other event. */
  private tenantPeriodOf(event: NewEvent): RetentionPeriod | 'none' | undefined {
    if (privacyOf(event.type).retention !== 'activity') return undefined;
    const tenant = memberScopeOf(event.metadata.tenant ?? {});
    return tenant ? { tenant, period: periodOf(this.now()) } : 'none';
  }

  private retain(event: NewEvent, context: TokenContext, period: Period): NewEvent {
    if (period === 'none') return event;
    // A month already expired (a clock set back): nothing can be kept for it, so nothing is.
    if (period === 'expired') return { ...event, data: {}, metadata: withoutPersonalEnvelope(event.metadata) };
    const { email, name } = event.metadata.actor;
    const payload: RetainedPayload = {
      data: event.data,
      actor: { ...(email !== undefined && { email }), ...(name !== undefined && { name }) },
      client: { ...event.metadata.client },
    };
    return { ...event, data: { [RETAINED_FIELD]: sealRetained(period.key, period.keyId, payload, context) }, metadata: withoutPersonalEnvelope(event.metadata) };
  }
}

/** Where a personal field is and whose it is, its path split once: the plan of one event type. */
interface FieldPlan {
  place: Sealing['place'];
  keys: readonly string[];
  kind: PersonalKind;
  subject: 'actor' | ((data: unknown) => string | undefined);
}

const ACTOR_PLAN: readonly FieldPlan[] = ACTOR_PERSONAL_FIELDS.map((f) => ({ place: 'metadata', keys: f.path.split('.'), kind: f.kind, subject: 'actor' }));
// Types are the catalog's (bounded); an unknown type's empty plan is kept too, but never more than a few thousand.
const planOf = boundedMemo(5_000, (type: string): readonly FieldPlan[] => [
  ...ACTOR_PLAN,
  ...privacyOf(type).personal.map((f): FieldPlan => ({ place: 'data', keys: f.path.split('.'), kind: f.kind, subject: f.subject })),
]);

/** What the event holds that the domain says is a member's, with the member it belongs to. */
function sealingsOf(event: IdentifiedEvent): Sealing[] {
  const actor = actorSubject(event);
  const members = memberScopeOf(event.metadata?.tenant ?? {});
  const sealings: Sealing[] = [];
  for (const field of planOf(event.type)) {
    const subject = field.subject === 'actor' ? actor : dataSubject(event, members, field.subject);
    if (!subject) continue;
    const value = getAt(event[field.place], field.keys);
    if (typeof value === 'string' && value !== '' && !isToken(value)) sealings.push({ place: field.place, keys: field.keys, value, kind: field.kind, subject });
  }
  return sealings;
}

function dataSubject(event: IdentifiedEvent, members: SubjectScope | undefined, rule: (data: unknown) => string | undefined): Subject | undefined {
  if (!members) return undefined;
  const memberId = safely(() => rule(event.data));
  return typeof memberId === 'string' && memberId !== '' ? subjectOf(members, memberId) : undefined;
}

/** A member acting is a person; a service or an API client is not, and neither is its client. */
function actorSubject(event: IdentifiedEvent): Subject | undefined {
  const actor = event.metadata?.actor;
  if (actor?.type !== 'member' || typeof actor.id !== 'string' || actor.id === '') return undefined;
  const scope: SubjectScope | undefined = actorScopeOf(actor.role, event.metadata.tenant ?? {});
  return scope ? subjectOf(scope, actor.id) : undefined;
}

function withoutPersonalEnvelope(metadata: NewEvent['metadata']): NewEvent['metadata'] {
  const { email: _email, name: _name, ...actor } = metadata.actor;
  return { ...metadata, actor, client: {} as NewEvent['metadata']['client'] };
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function getAt(root: unknown, keys: readonly string[]): unknown {
  let value = root;
  for (const key of keys) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * A copy of the event that takes values at paths of its data or envelope: each object along a path
 * is copied once, the first time it is written to, so the event it came from is never changed.
 */
function copyOnWrite(event: NewEvent): { event: NewEvent; set(place: Sealing['place'], keys: readonly string[], value: string): void } {
  const copy: NewEvent = { ...event };
  const copied = new Set<unknown>();
  const own = (parent: Record<string, unknown>, key: string): Record<string, unknown> => {
    const child = parent[key] as Record<string, unknown>;
    if (copied.has(child)) return child;
    const fresh = { ...child };
    copied.add(fresh);
    parent[key] = fresh;
    return fresh;
  };
  return {
    event: copy,
    set(place, keys, value) {
      let node = own(copy as unknown as Record<string, unknown>, place);
      for (let i = 0; i < keys.length - 1; i++) node = own(node, keys[i]);
      node[keys[keys.length - 1]] = value;
    },
  };
}
