import { BUSINESS_CATEGORIES, BusinessCategory, categoryOf } from '@app/domain';
import { RecordedEvent } from '@app/event-store';
import { Reveal } from '@app/privacy';
import { viewEvent } from '../activity-log/audience-view';
import { PresentedEntry } from '../activity-log/present-entry';
import { MalformedEventError } from '../shared/projection-errors';
import { IntegrationOwner } from './integrations.store';

/**
 * Whether an event belongs to what an integration's owner may receive, from its envelope alone:
 * an MSP receives its own log and every supervised organization's activity (the events of its
 * tenant), an organization its Business Activity Log. Events the log does not show are never sent.
 */
export function inIntegrationScope(owner: IntegrationOwner, event: RecordedEvent): boolean {
  const category = categoryOf(event.type);
  if (category === undefined) return false;
  const { tenant } = event.metadata;
  if (owner.type === 'msp') return tenant.mspId === owner.mspId;
  return tenant.orgId === owner.orgId && (BUSINESS_CATEGORIES as readonly string[]).includes(category as BusinessCategory);
}

/**
 * The event as the integration's owner sees it through the API, or undefined when it is not theirs:
 * an MSP as in its log and feeds (no item names or types), an organization's integration as its
 * owners read their Business Activity Log (only owners may set one up). What each audience sees is
 * viewEvent's, as on every other channel; an event whose envelope cannot be trusted is not sent
 * (the activity log dead-letters it).
 */
export function presentForIntegration(owner: IntegrationOwner, event: RecordedEvent, reveal: Reveal): PresentedEntry | undefined {
  if (!inIntegrationScope(owner, event)) return undefined;
  try {
    return viewEvent(event, owner.type === 'msp' ? 'msp' : 'org_owner', reveal)?.entry;
  } catch (error) {
    if (error instanceof MalformedEventError) return undefined;
    throw error;
  }
}
