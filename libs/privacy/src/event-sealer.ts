import { actorScopeOf, ACTOR_PERSONAL_FIELDS, memberScopeOf, PersonalKind, privacyOf, SubjectScope } from '@app/domain';
import { NewEvent } from '@app/event-store';
import { DataKeys } from './data-keys';
import { EmailIndex } from './email-index';
import { isToken, sealToken, TokenContext } from './personal-token';
import { periodOf, RETAINED_FIELD, RetainedPayload, sealRetained } from './retained-payload';
import { pseudonymOf, subjectOf } from './subjects';

/** A NewEvent whose id is known: the id is part of what its sealed values are bound to. */
export type IdentifiedEvent = NewEvent & { id: string };

type Subject = ReturnType<typeof subjectOf>;

/** One value to seal: where it is (in the data or the envelope), what it is and whose. */
interface Sealing {
  place: 'data' | 'metadata';
  path: string;
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
    const subjects = new Map(sealings.map(({ subject }) => [subject.keyId, subject]));
    const period = privacyOf(event.type).retention === 'activity' ? this.periodKey(event) : undefined;
    // All at once, so that a new member's key, their email entry and a new month's key join the key store's next
    // group commit together (the store indexes no email of an erased member).
    const [keyList] = await Promise.all([
      Promise.all([...subjects].map(async ([keyId, subject]) => [keyId, await this.keys.subjectKeyForSealing(subject)] as const)),
      ...sealings.filter((s) => s.kind === 'email').map((s) => this.emails.register(s.subject.scope, s.value, s.subject.keyId, s.subject.memberId)),
      period,
    ]);
    const keys = new Map(keyList);
    const context: TokenContext = { eventId: event.id, eventType: event.type };
    let sealed: NewEvent = event;
    for (const s of sealings) {
      const key = keys.get(s.subject.keyId)!;
      const value = key === 'erased' ? pseudonymOf(s.subject.keyId) : sealToken(key, s.subject.keyId, s.value, context);
      sealed = { ...sealed, [s.place]: setAt(sealed[s.place] as unknown as Record<string, unknown>, s.path, value) };
    }
    return period ? this.retain(sealed, context, await period) : sealed;
  }

  /** The tenant's key for this month, for an `activity` event; 'none' for an event of no tenant (kept as is). */
  private periodKey(event: NewEvent): Promise<Awaited<ReturnType<DataKeys['periodKeyForSealing']>> | 'none'> {
    const tenant = memberScopeOf(event.metadata.tenant ?? {});
    return tenant ? this.keys.periodKeyForSealing({ tenant, period: periodOf(this.now()) }) : Promise.resolve('none');
  }

  private retain(event: NewEvent, context: TokenContext, period: Awaited<ReturnType<EventSealer['periodKey']>>): NewEvent {
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

/** What the event holds that the domain says is a member's, with the member it belongs to. */
function sealingsOf(event: IdentifiedEvent): Sealing[] {
  const tenant = event.metadata?.tenant ?? {};
  const actor = actorSubject(event);
  const sealings: Sealing[] = [];
  const add = (place: Sealing['place'], path: string, kind: PersonalKind, subject: Subject | undefined) => {
    const value = getAt(event[place], path);
    if (subject && typeof value === 'string' && value !== '' && !isToken(value)) sealings.push({ place, path, value, kind, subject });
  };
  for (const field of ACTOR_PERSONAL_FIELDS) add('metadata', field.path, field.kind, actor);
  const members = memberScopeOf(tenant);
  for (const field of privacyOf(event.type).personal) {
    if (field.subject === 'actor') {
      add('data', field.path, field.kind, actor);
      continue;
    }
    const memberId = safely(() => (field.subject as (data: unknown) => string | undefined)(event.data));
    add('data', field.path, field.kind, members && typeof memberId === 'string' && memberId !== '' ? subjectOf(members, memberId) : undefined);
  }
  return sealings;
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

function getAt(root: unknown, path: string): unknown {
  let value = root;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A copy of `root` with `value` at `path`, copying only the objects along the path. */
function setAt(root: Record<string, unknown>, path: string, value: string): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) return { ...root, [head]: value };
  return { ...root, [head]: setAt(root[head] as Record<string, unknown>, rest.join('.'), value) };
}
