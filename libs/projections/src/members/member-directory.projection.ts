import { RecordedEvent } from '@app/event-store';
import { memberChangesOf } from './member-directory.rules';
import { MemberEntry, memberKey, MemberKey, RosterKind } from './member-directory.store';

/** The keys of the members a batch touches. */
export function memberKeysOf(kind: RosterKind, events: RecordedEvent[]): MemberKey[] {
  const keys = new Map<string, MemberKey>();
  for (const event of events) for (const { key } of memberChangesOf(kind, event)) keys.set(memberKey(key), key);
  return [...keys.values()];
}

/**
 * The entries a batch changes, given the stored ones it touches. Events at or below an entry's
 * position (a replayed batch) are skipped; a change to a member never seen before is ignored
 * unless it says who they are (their first event always does).
 */
export function projectMembers(kind: RosterKind, events: RecordedEvent[], stored: readonly MemberEntry[]): MemberEntry[] {
  const current = new Map(stored.map((e) => [memberKey(e), e]));
  const changed = new Set<string>();
  for (const event of events) {
    for (const { key, set } of memberChangesOf(kind, event)) {
      const id = memberKey(key);
      const entry = current.get(id);
      if (entry && entry.position >= event.position) continue;
      const next = entry ? { ...entry, ...set } : created(key, set, event);
      if (!next) continue;
      current.set(id, { ...next, updatedAt: event.occurredAt, position: event.position });
      changed.add(id);
    }
  }
  return [...changed].map((id) => current.get(id)!);
}

function created(key: MemberKey, set: Partial<MemberEntry>, event: RecordedEvent): MemberEntry | undefined {
  const { email, role, status } = set;
  if (email === undefined || role === undefined || status === undefined) return undefined;
  return { ...key, email, name: set.name ?? null, role, status, since: event.occurredAt, updatedAt: event.occurredAt, position: event.position };
}
