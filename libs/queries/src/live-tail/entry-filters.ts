import { ActivityEntry, ActivityLogQuery } from '@app/projections';

/** The log filters a live tail applies to what the view's tail returns (scope and categories are the store's). */
export type LiveFilters = Pick<ActivityLogQuery, 'category' | 'organizationId' | 'memberEmail' | 'memberId' | 'itemId'>;

/** Same meaning as the log queries' filters; email in any case. */
export function matchesFilters(entry: ActivityEntry, f: LiveFilters): boolean {
  return (
    (f.category === undefined || entry.category === f.category) &&
    (f.organizationId === undefined || entry.orgId === f.organizationId) &&
    (f.memberEmail === undefined || entry.initiator.email?.toLowerCase() === f.memberEmail.toLowerCase()) &&
    (f.memberId === undefined || entry.initiator.id === f.memberId) &&
    (f.itemId === undefined || entry.item?.id === f.itemId)
  );
}
