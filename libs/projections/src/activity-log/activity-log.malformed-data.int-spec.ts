import { CATALOG_SAMPLES } from '@app/domain/testing/catalog-samples';
import { RecordedEvent } from '@app/event-store';
import { MalformedEventError } from '../shared/projection-errors';
import { openReadDatabase } from '../shared/sqlite-read-database';
import { catalogEvent } from '../testing/catalog-events';
import { malformedVariants } from '../testing/malformed-variants';
import { ActivityEntry } from './activity-entry';
import { toActivityEntry } from './activity-log.projection';
import { AUDIENCES } from './audience';
import { PresentedEntry, presentEntry } from './present-entry';
import { SqliteActivityLogStore } from './sqlite-activity-log.store';
import { revealUnsealed } from '@app/privacy/testing/privacy.testing';

const tenant = { mspId: 'msp-1', orgId: 'org-sample' };
const isText = (value: unknown) => typeof value === 'string';
const isTextOrNull = (value: unknown) => value === null || typeof value === 'string';

/** What every line must be, whatever the event's data: a store can take it, a reader can show it. */
function problemsOf(entry: ActivityEntry | undefined, presented: PresentedEntry[]): string[] {
  if (!entry) return ['no entry'];
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => ok || problems.push(what);
  check(isText(entry.initiator.id) && isText(entry.initiator.type), 'initiator');
  check([entry.initiator.email, entry.initiator.name, entry.initiator.role, entry.ip, entry.userAgent].every(isTextOrNull), 'texts');
  check(isText(entry.target.type) && isText(entry.target.id) && isTextOrNull(entry.target.name), 'target');
  check(entry.item === null || (isText(entry.item.id) && isTextOrNull(entry.item.type) && isTextOrNull(entry.item.name)), 'item');
  for (const p of presented) check(isText(p.summary) && p.summary.length > 0 && !/undefined|\[object Object\]/.test(p.summary), `summary ${p.summary}`);
  return problems;
}

describe('Activity Log lines of events whose data is not what their type declares', () => {
  let position = 0n;
  const next = (type: string, data: Record<string, unknown>): RecordedEvent => catalogEvent(type, data, ++position, tenant);

  describe.each(CATALOG_SAMPLES.map(([type, sample]) => [type, sample] as const))('%s', (type, sample) => {
    it('gives a valid line for empty data and for every field missing or of another type, hiding what it hid', () => {
      const db = openReadDatabase(':memory:');
      const store = new SqliteActivityLogStore(db);
      const entries: ActivityEntry[] = [];
      for (const variant of malformedVariants(sample.data)) {
        const entry = toActivityEntry(next(type, variant.data));
        const presented = AUDIENCES.map((audience) => presentEntry(entry!, audience, revealUnsealed));
        expect([variant.label, problemsOf(entry, presented)]).toEqual([variant.label, []]);
        for (const redacted of [presented[AUDIENCES.indexOf('msp')], presented[AUDIENCES.indexOf('org_admin')]]) {
          const text = JSON.stringify(redacted);
          for (const secret of sample.hidden) expect([variant.label, secret, text.includes(secret)]).toEqual([variant.label, secret, false]);
        }
        entries.push(entry!);
      }
      return store.applyBatch(entries, position).finally(() => db.close());
    });
  });

  it.each([
    ['an actor id that is an object', { actor: { type: 'member', id: { id: 'x' } } }, /metadata\.actor\.id must be a non-empty string, got object/],
    ['an actor id that is a number', { actor: { type: 'member', id: 42 } }, /metadata\.actor\.id must be a non-empty string, got number/],
    ['no actor', { actor: undefined }, /metadata\.actor\.id/],
    ['a tenant orgId that is an array', { tenant: { mspId: 'msp-1', orgId: ['org-1'] } }, /metadata\.tenant\.orgId must be a non-empty string, got an array/],
  ])('refuses an envelope with %s as a malformed event, naming the field', (_what, metadata, message) => {
    const event = next('OrganizationRenamed', { organizationId: 'o', previousName: 'a', newName: 'b' });
    const broken = { ...event, metadata: { ...event.metadata, ...metadata } } as unknown as RecordedEvent;
    expect(() => toActivityEntry(broken)).toThrow(MalformedEventError);
    expect(() => toActivityEntry(broken)).toThrow(message);
  });

  it('drops descriptive envelope fields of the wrong type instead of refusing the line', () => {
    const event = next('OrganizationRenamed', { organizationId: 'o', previousName: 'a', newName: 'b' });
    const actor = { type: 'member', id: 'm-1', email: 42, name: { first: 'x' }, role: [] };
    const entry = toActivityEntry({ ...event, metadata: { ...event.metadata, actor, client: { ip: 7 } } } as unknown as RecordedEvent)!;
    expect(entry.initiator).toEqual({ type: 'member', id: 'm-1', email: null, name: null, role: null });
    expect(entry.ip).toBeNull();
    expect(presentEntry(entry, 'msp', revealUnsealed).summary).toBe("m-1 renamed organization 'a' to 'b'");
  });
});
