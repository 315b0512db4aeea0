import { describerFor, EventDescriber } from '@app/domain';
import { Reveal } from '@app/privacy';
import { ActivityEntry } from './activity-entry';
import { UNREADABLE_TARGET_TYPE } from './activity-log.projection';
import { AUDIENCE_RULES, AudienceName } from './audience';

/** An Activity Log line as the API returns it (DESIGN §4); redaction happens here, at query time. */
export interface PresentedEntry {
  id: string;
  position: string;
  occurredAt: string;
  category: string;
  eventType: string;
  action: string;
  initiator: { type: string; id: string; email: string | null; name: string | null; role: string | null };
  ip: string | null;
  userAgent: string | null;
  organizationId: string | null;
  target: { type: string; id: string; name: string | null };
  item: { id: string; type: string | null; name: string | null } | null;
  summary: string;
}

const ITEM_TARGETS = new Set(['item', 'folder']);

/**
 * The line as `audience` may see it, its personal values revealed (`reveal`: clear for a living
 * member, the pseudonym of an erased one), so that the summary is rendered from revealed data too.
 * An audience that gets generic item details never sees an
 * item's or folder's type or name, in the item, the target or the summary: the summary is
 * rendered redacted for it whatever the entry's item, so that an entry whose item could not be
 * read from malformed data cannot reveal it either.
 */
export function presentEntry(stored: ActivityEntry, audience: AudienceName, reveal: Reveal): PresentedEntry {
  const entry = reveal(stored);
  const describer = describerFor(entry.eventType);
  const redact = AUDIENCE_RULES[audience].redactItems;
  const initiatorName = entry.initiator.name ?? entry.initiator.email ?? entry.initiator.id;
  return {
    id: entry.eventId,
    position: entry.position.toString(),
    occurredAt: entry.occurredAt,
    category: entry.category,
    eventType: entry.eventType,
    action: describer?.action ?? entry.eventType,
    initiator: entry.initiator,
    ip: entry.ip,
    userAgent: entry.userAgent,
    organizationId: entry.orgId,
    target: redact && ITEM_TARGETS.has(entry.target.type) ? { ...entry.target, name: null } : entry.target,
    item: entry.item && (redact ? { id: entry.item.id, type: null, name: null } : entry.item),
    summary: summaryOf(describer, entry, redact, initiatorName),
  };
}

/** A sentence that shows a value the data did not have. */
const MISSING_VALUE = /\bundefined\b|\[object Object\]|\bNaN\b/;

/**
 * The describer's sentence, or a generic one ("Ann: Shared item") when the describer cannot
 * read the entry's data: it throws, its target could not be read at projection time, or its
 * sentence shows a missing value.
 */
function summaryOf(describer: EventDescriber | undefined, entry: ActivityEntry, redact: boolean, initiatorName: string): string {
  const generic = `${initiatorName}: ${describer?.action ?? entry.eventType}`;
  if (!describer || entry.target.type === UNREADABLE_TARGET_TYPE) return generic;
  try {
    const summary: unknown = describer.summary(entry.data, { redact, initiatorName });
    return typeof summary === 'string' && summary !== '' && !MISSING_VALUE.test(summary) ? summary : generic;
  } catch {
    return generic;
  }
}
