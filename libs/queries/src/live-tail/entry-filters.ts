import { ActivityEntry, ActivityLogQuery } from '@app/projections';

/**
 * The log filters a live tail applies to what the view's tail returns (scope and categories are
 * the store's); a member-email filter arrives resolved into the members behind it (`initiatorIn`).
 */
export type LiveFilters = Pick<ActivityLogQuery, 'category' | 'organizationId' | 'initiatorIn' | 'memberId' | 'itemId'>;

/** Same meaning as the log queries' filters. */
export function matchesFilters(entry: ActivityEntry, f: LiveFilters): boolean {
  return (
    (f.category === undefined || entry.category === f.category) &&
    (f.organizationId === undefined || entry.orgId === f.organizationId) &&
    (f.initiatorIn === undefined || f.initiatorIn.includes(entry.initiator.id)) &&
    (f.memberId === undefined || entry.initiator.id === f.memberId) &&
    (f.itemId === undefined || entry.item?.id === f.itemId)
  );
}
