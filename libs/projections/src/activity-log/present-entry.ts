import { describerFor } from '@app/domain';
import { ActivityEntry } from './activity-entry';

/** Who reads: organization owners see item and folder names and types; everybody else does not. */
export interface Audience {
  redactItems: boolean;
}

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

export function presentEntry(entry: ActivityEntry, audience: Audience): PresentedEntry {
  const describer = describerFor(entry.eventType);
  const redact = audience.redactItems && entry.item !== null;
  const initiatorName = entry.initiator.name ?? entry.initiator.email ?? entry.initiator.id;
  const hideTargetName = redact && ITEM_TARGETS.has(entry.target.type);
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
    target: hideTargetName ? { ...entry.target, name: null } : entry.target,
    item: entry.item && (redact ? { id: entry.item.id, type: null, name: null } : entry.item),
    summary: describer?.summary(entry.data, { redact, initiatorName }) ?? `${initiatorName}: ${entry.eventType}`,
  };
}
