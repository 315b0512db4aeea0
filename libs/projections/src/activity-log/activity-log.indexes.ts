import { ActivityLogQuery, ActivityScope } from './activity-log.store';

/**
 * What every activity-log store filters, sorts and indexes on, said once; each adapter maps the
 * fields to its columns or document paths. Fields are paths into an ActivityEntry;
 * 'initiator.email' is compared without case, so adapters store and index it lowercased.
 */
export type ActivityField =
  | 'mspId'
  | 'orgId'
  | 'category'
  | 'initiator.id'
  | 'initiator.email'
  | 'item.id'
  | 'occurredAt'
  | 'position';

/**
 * The order of every log query, newest first: both fields descending. A keyset cursor keeps
 * the entries strictly older than it in this order.
 */
export const NEWEST_FIRST = ['occurredAt', 'position'] as const satisfies readonly ActivityField[];

/** The field a query's window bounds: from inclusive, to exclusive. */
export const WINDOW_FIELD = 'occurredAt' satisfies ActivityField;

/** A live tail reads oldest first by this field, strictly after the last position it sent. */
export const TAIL_ORDER = 'position' satisfies ActivityField;

/** The optional equality filters of a log query; a new one must say which field it compares. */
type FilterName = Exclude<keyof ActivityLogQuery, 'scope' | 'categories' | 'window' | 'after' | 'upToPosition' | 'limit'>;

export const ACTIVITY_FILTERS = {
  category: 'category',
  organizationId: 'orgId',
  memberEmail: 'initiator.email',
  memberId: 'initiator.id',
  itemId: 'item.id',
} as const satisfies Record<FilterName, ActivityField>;

/**
 * The secondary indexes, by name (the same in every engine), as ordered field lists. The time
 * indexes pin a tenant and a filter, then read NEWEST_FIRST; the position indexes serve tails.
 */
export const ACTIVITY_INDEXES = {
  activity_msp_time: ['mspId', ...NEWEST_FIRST],
  activity_msp_category: ['mspId', 'category', ...NEWEST_FIRST],
  activity_msp_email: ['mspId', 'initiator.email', ...NEWEST_FIRST],
  activity_msp_org: ['mspId', 'orgId', ...NEWEST_FIRST],
  activity_org_time: ['orgId', ...NEWEST_FIRST],
  activity_org_member: ['orgId', 'initiator.id', ...NEWEST_FIRST],
  activity_org_email: ['orgId', 'initiator.email', ...NEWEST_FIRST],
  activity_org_item: ['orgId', 'item.id', ...NEWEST_FIRST],
  activity_msp_position: ['mspId', TAIL_ORDER],
  activity_org_position: ['orgId', TAIL_ORDER],
} as const satisfies Record<string, readonly ActivityField[]>;

export type ActivityIndexName = keyof typeof ACTIVITY_INDEXES;
export const ACTIVITY_INDEX_NAMES = Object.keys(ACTIVITY_INDEXES) as ActivityIndexName[];

/**
 * The index a log query reads: the one of its most selective filter. Stores name it to the
 * engine (SQLite `INDEXED BY`, MongoDB `hint`): without statistics (no ANALYZE on a live file)
 * SQLite picks the time index and scans a whole window for a rare category.
 */
export function indexFor(q: Pick<ActivityLogQuery, 'scope' | FilterName>): ActivityIndexName {
  if (q.scope.mspId !== undefined) {
    if (q.scope.orgId !== undefined || q.organizationId !== undefined) return 'activity_msp_org';
    if (q.memberEmail !== undefined) return 'activity_msp_email';
    if (q.category !== undefined) return 'activity_msp_category';
    return 'activity_msp_time';
  }
  if (q.itemId !== undefined) return 'activity_org_item';
  if (q.memberId !== undefined) return 'activity_org_member';
  if (q.memberEmail !== undefined) return 'activity_org_email';
  return 'activity_org_time';
}

/** One equality of a query: a name stable per filter (adapters key statements by it), the field, the value. */
export interface ActivityEquality {
  name: string;
  field: ActivityField;
  value: string;
}

/** The tenant scope (every query and tail starts from it), as equalities. */
export function scopeEqualities(scope: ActivityScope): ActivityEquality[] {
  const equal: ActivityEquality[] = [];
  if (scope.mspId !== undefined) equal.push({ name: 'scopeMsp', field: 'mspId', value: scope.mspId });
  if (scope.orgId !== undefined) equal.push({ name: 'scopeOrg', field: 'orgId', value: scope.orgId });
  return equal;
}

const FILTER_NAMES = Object.keys(ACTIVITY_FILTERS) as FilterName[];
const CASELESS: ReadonlySet<ActivityField> = new Set(['initiator.email']);

/** The filters a query sets, as equalities (caseless fields lowercased). */
export function filterEqualities(q: Pick<ActivityLogQuery, FilterName>): ActivityEquality[] {
  const equal: ActivityEquality[] = [];
  for (const name of FILTER_NAMES) {
    const field = ACTIVITY_FILTERS[name];
    const value = q[name];
    if (value !== undefined) equal.push({ name, field, value: CASELESS.has(field) ? value.toLowerCase() : value });
  }
  return equal;
}

/** The scope and then the filters of a query, as equalities. */
export function equalitiesOf(q: Pick<ActivityLogQuery, 'scope' | FilterName>): ActivityEquality[] {
  return [...scopeEqualities(q.scope), ...filterEqualities(q)];
}
