import { ActivityCategory, MSP_CATEGORIES } from '@app/domain';
import { ActivityLogQuery, ActivityScope } from './activity-log.store';

/**
 * What every activity-log store filters, sorts and indexes on, said once; each adapter maps the
 * fields to its columns or document paths. Fields are paths into an ActivityEntry. No email is
 * among them: entries keep it sealed, and the member-email filter is resolved to member ids first
 * (`initiatorIn`), from the key store's keyed hashes.
 */
export type ActivityField =
  | 'mspId'
  | 'orgId'
  | 'category'
  | 'initiator.id'
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
type FilterName = Exclude<keyof ActivityLogQuery, 'scope' | 'categories' | 'window' | 'after' | 'upToPosition' | 'limit' | 'memberEmail' | 'initiatorIn'>;

export const ACTIVITY_FILTERS = {
  category: 'category',
  organizationId: 'orgId',
  memberId: 'initiator.id',
  itemId: 'item.id',
} as const satisfies Record<FilterName, ActivityField>;

/** What the member-email filter became: the members it names (none matches nothing). */
export const MEMBERS_FILTER = { name: 'initiatorIn', field: 'initiator.id' } as const satisfies { name: string; field: ActivityField };

/**
 * The secondary indexes, by name (the same in every engine), as ordered field lists. The time
 * indexes pin a tenant and a filter, then read NEWEST_FIRST; the position indexes serve tails.
 */
export const ACTIVITY_INDEXES = {
  activity_msp_time: ['mspId', ...NEWEST_FIRST],
  activity_msp_category: ['mspId', 'category', ...NEWEST_FIRST],
  activity_msp_member: ['mspId', 'initiator.id', ...NEWEST_FIRST],
  activity_msp_org: ['mspId', 'orgId', ...NEWEST_FIRST],
  activity_msp_log_org: ['mspId', 'orgId', ...NEWEST_FIRST],
  activity_org_time: ['orgId', ...NEWEST_FIRST],
  activity_org_member: ['orgId', 'initiator.id', ...NEWEST_FIRST],
  activity_org_item: ['orgId', 'item.id', ...NEWEST_FIRST],
  activity_msp_position: ['mspId', TAIL_ORDER],
  activity_org_position: ['orgId', TAIL_ORDER],
} as const satisfies Record<string, readonly ActivityField[]>;

export type ActivityIndexName = keyof typeof ACTIVITY_INDEXES;
export const ACTIVITY_INDEX_NAMES = Object.keys(ACTIVITY_INDEXES) as ActivityIndexName[];

/**
 * Indexes that hold only the entries of one log's categories (SQLite: a partial index). Within an
 * organization most entries are business ones, so the MSP log filtered by organization would
 * otherwise read ~40 entries (each a table lookup for its category) per line it shows. A query
 * reads such an index only when its `categories` are exactly these. Engines without partial
 * indexes (FerretDB) key the category after the equalities instead, before NEWEST_FIRST.
 */
export const INDEX_CATEGORIES: Partial<Record<ActivityIndexName, readonly ActivityCategory[]>> = {
  activity_msp_log_org: MSP_CATEGORIES,
};

/**
 * The index a log query reads: the one of its most selective filter. Stores name it to the
 * engine (SQLite `INDEXED BY`, MongoDB `hint`): without statistics (no ANALYZE on a live file)
 * SQLite picks the time index and scans a whole window for a rare category.
 */
export function indexFor(q: Pick<ActivityLogQuery, 'scope' | 'categories' | 'initiatorIn' | FilterName>): ActivityIndexName {
  const byMember = q.memberId !== undefined || q.initiatorIn !== undefined;
  if (q.scope.mspId !== undefined) {
    if (q.scope.orgId !== undefined || q.organizationId !== undefined) {
      return sameCategories(q.categories, INDEX_CATEGORIES.activity_msp_log_org) ? 'activity_msp_log_org' : 'activity_msp_org';
    }
    if (byMember) return 'activity_msp_member';
    if (q.category !== undefined) return 'activity_msp_category';
    return 'activity_msp_time';
  }
  if (q.itemId !== undefined) return 'activity_org_item';
  if (byMember) return 'activity_org_member';
  return 'activity_org_time';
}

function sameCategories(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && b.every((category) => a.includes(category));
}

/**
 * One equality of a query: a name stable per filter (adapters key statements by it), the field, the
 * value, or the values it is one of (an empty list matches nothing).
 */
export interface ActivityEquality {
  name: string;
  field: ActivityField;
  value: string | readonly string[];
}

/** The tenant scope (every query and tail starts from it), as equalities. */
export function scopeEqualities(scope: ActivityScope): ActivityEquality[] {
  const equal: ActivityEquality[] = [];
  if (scope.mspId !== undefined) equal.push({ name: 'scopeMsp', field: 'mspId', value: scope.mspId });
  if (scope.orgId !== undefined) equal.push({ name: 'scopeOrg', field: 'orgId', value: scope.orgId });
  return equal;
}

const FILTER_NAMES = Object.keys(ACTIVITY_FILTERS) as FilterName[];

/**
 * The filters a query sets, as equalities. A member-email filter the service did not resolve into
 * member ids is a bug: the store has no email to compare, and would otherwise ignore the filter.
 */
export function filterEqualities(q: Pick<ActivityLogQuery, 'memberEmail' | 'initiatorIn' | FilterName>): ActivityEquality[] {
  if (q.memberEmail !== undefined && q.initiatorIn === undefined) {
    throw new Error('memberEmail must be resolved into initiatorIn (the members behind it) before a store reads the query');
  }
  const equal: ActivityEquality[] = [];
  for (const name of FILTER_NAMES) {
    const value = q[name];
    if (value !== undefined) equal.push({ name, field: ACTIVITY_FILTERS[name], value });
  }
  if (q.initiatorIn !== undefined) equal.push({ ...MEMBERS_FILTER, value: q.initiatorIn });
  return equal;
}

/** The scope and then the filters of a query, as equalities. */
export function equalitiesOf(q: Pick<ActivityLogQuery, 'scope' | 'memberEmail' | 'initiatorIn' | FilterName>): ActivityEquality[] {
  return [...scopeEqualities(q.scope), ...filterEqualities(q)];
}
