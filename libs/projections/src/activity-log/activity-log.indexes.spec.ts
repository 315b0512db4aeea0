import { BUSINESS_CATEGORIES, MSP_CATEGORIES } from '@app/domain';
import { ACTIVITY_FILTERS, ACTIVITY_INDEXES, ActivityField, ActivityIndexName, equalitiesOf, INDEX_CATEGORIES, indexFor, NEWEST_FIRST } from './activity-log.indexes';
import { ActivityLogQuery } from './activity-log.store';

type Filters = Pick<ActivityLogQuery, keyof typeof ACTIVITY_FILTERS>;
const FILTERS = Object.keys(ACTIVITY_FILTERS) as (keyof Filters)[];
const VALUES: Required<Filters> & { initiatorIn: readonly string[] } = {
  category: 'Billing', organizationId: 'org-2', memberId: 'm-1', itemId: 'i-1', initiatorIn: ['m-1', 'm-2'],
};
const FILTER_NAMES = [...FILTERS, 'initiatorIn'] as const;
const SCOPES: ActivityLogQuery['scope'][] = [{ mspId: 'msp-a' }, { mspId: 'msp-a', orgId: 'org-1' }, { orgId: 'org-1' }];

const CATEGORY_SETS = [undefined, MSP_CATEGORIES, BUSINESS_CATEGORIES];

/** Every scope with every subset of the filters, for each log's categories (or none). */
const combinations: Parameters<typeof indexFor>[0][] = SCOPES.flatMap((scope) =>
  CATEGORY_SETS.flatMap((categories) =>
    Array.from({ length: 2 ** FILTER_NAMES.length }, (_, mask) => ({
      scope,
      ...(categories && { categories }),
      ...Object.fromEntries(FILTER_NAMES.filter((_, i) => mask & (2 ** i)).map((f) => [f, VALUES[f]])),
    })),
  ),
);

describe('the activity-log spec', () => {
  it.each(combinations.map((q) => [JSON.stringify(q), q] as const))(
    'reads %s through an index its equalities pin, then in NEWEST_FIRST order',
    (_name, q) => {
      const fields: readonly ActivityField[] = ACTIVITY_INDEXES[indexFor(q)];
      const pinned = new Set<ActivityField>(equalitiesOf(q).map((e) => e.field));
      const prefix = fields.slice(0, fields.length - NEWEST_FIRST.length);
      expect(fields.slice(prefix.length)).toEqual(NEWEST_FIRST);
      for (const field of prefix) expect([field, pinned.has(field)]).toEqual([field, true]);
      const restricted = INDEX_CATEGORIES[indexFor(q)];
      if (restricted) expect([...(q.categories ?? [])].sort()).toEqual([...restricted].sort());
    },
  );

  it("reads the MSP log filtered by organization through the index holding only the MSP log's categories", () => {
    const mspLog = { scope: { mspId: 'msp-a' }, organizationId: 'org-2' };
    expect(INDEX_CATEGORIES.activity_msp_log_org).toEqual(MSP_CATEGORIES);
    expect(indexFor({ ...mspLog, categories: MSP_CATEGORIES })).toBe('activity_msp_log_org');
    expect(indexFor({ ...mspLog, categories: [...MSP_CATEGORIES].reverse(), category: 'Billing' })).toBe('activity_msp_log_org');
    expect(indexFor({ ...mspLog, categories: MSP_CATEGORIES.slice(1) })).toBe('activity_msp_org');
    expect(indexFor({ ...mspLog, categories: [...MSP_CATEGORIES, 'Members and Access'] })).toBe('activity_msp_org');
    expect(indexFor({ scope: { mspId: 'msp-a', orgId: 'org-2' } })).toBe('activity_msp_org');
  });

  it('uses every time index for some query; the position indexes are left to tails', () => {
    const used = new Set(combinations.map(indexFor));
    const unused = (Object.keys(ACTIVITY_INDEXES) as ActivityIndexName[]).filter((name) => !used.has(name));
    expect(unused.sort()).toEqual(['activity_msp_position', 'activity_org_position']);
  });

  it('filters by the members an email was resolved to, keeps the scope first, and refuses an email left unresolved', () => {
    expect(equalitiesOf({ scope: { mspId: 'msp-a', orgId: 'org-1' }, memberEmail: 'Ann@MSP.example', initiatorIn: ['m-1'], category: 'Billing' })).toEqual([
      { name: 'scopeMsp', field: 'mspId', value: 'msp-a' },
      { name: 'scopeOrg', field: 'orgId', value: 'org-1' },
      { name: 'category', field: 'category', value: 'Billing' },
      { name: 'initiatorIn', field: 'initiator.id', value: ['m-1'] },
    ]);
    expect(() => equalitiesOf({ scope: { mspId: 'msp-a' }, memberEmail: 'ann@msp.example' })).toThrow(/resolved into initiatorIn/);
  });
});
