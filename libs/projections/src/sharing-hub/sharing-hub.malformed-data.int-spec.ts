import { CATALOG_SAMPLES } from '@app/domain/testing/catalog-samples';
import { RecordedEvent } from '@app/event-store';
import { MalformedEventError } from '../shared/projection-errors';
import { openReadDatabase } from '../shared/sqlite-read-database';
import { catalogEvent } from '../testing/catalog-events';
import { malformedVariants } from '../testing/malformed-variants';
import { SHARING_HUB_RULES, SHARING_POLICY_RULES } from './sharing-hub.rules';
import { SharingHubProjector } from './sharing-hub.projector';
import { SqliteSharingHubStore } from './sqlite-sharing-hub.store';

const tenant = { mspId: 'msp-1', orgId: 'org-sample' };
const HUB_TYPES = new Set([...Object.keys(SHARING_HUB_RULES), ...Object.keys(SHARING_POLICY_RULES)]);
/** The policy events as the hub reads them: about the one policy it shows. */
const samples = CATALOG_SAMPLES.filter(([type]) => HUB_TYPES.has(type)).map(([type, s]) =>
  Object.hasOwn(SHARING_POLICY_RULES, type) ? ([type, { ...s, data: { ...s.data, policyKey: 'restrict_sharing_outside_org' } }] as const) : ([type, s] as const),
);
const IGNORED = Object.entries(SHARING_HUB_RULES).filter(([, rule]) => rule === 'ignored').map(([type]) => type);
const sample = (type: string) => CATALOG_SAMPLES.find(([t]) => t === type)![1].data;

describe('the Sharing Hub on events whose data is not what their type declares', () => {
  let position = 0n;
  const next = (type: string, data: Record<string, unknown>): RecordedEvent => catalogEvent(type, data, ++position, tenant);

  it('covers every event type the hub has a rule for', () => {
    expect(samples.map(([type]) => type).sort()).toEqual([...HUB_TYPES].sort());
  });

  it.each(samples.map(([type, s]) => [type, s.data] as const))(
    '%s: applies each malformed variant or refuses it as malformed, and the store only holds valid records',
    async (type, data) => {
      const db = openReadDatabase(':memory:');
      const store = new SqliteSharingHubStore(db);
      const projector = new SharingHubProjector(store);
      const outcomes = new Set<string>();
      for (const variant of malformedVariants(data)) {
        // The record the event is about exists, as it would: created from the sample with the event's own ids.
        const itemId = typeof variant.data.itemId === 'string' ? variant.data.itemId : 'i-bank';
        const folderId = typeof variant.data.folderId === 'string' ? variant.data.folderId : 'f-finance';
        await projector.applyBatch([next('ItemCreated', { ...sample('ItemCreated'), itemId }), next('FolderCreated', { ...sample('FolderCreated'), folderId })]);
        const outcome = await projector.applyBatch([next(type, variant.data)]).then(
          () => 'applied',
          (error: unknown) => (error instanceof MalformedEventError ? 'malformed' : `${variant.label}: ${String(error)}`),
        );
        expect(['applied', 'malformed']).toContain(outcome);
        outcomes.add(outcome);
        const [record] = await store.load([{ kind: 'item', id: itemId }]);
        expect([variant.label, typeof record.name, typeof record.owner.id, Array.isArray(record.sharedWith)]).toEqual([variant.label, 'string', 'string', true]);
      }
      if (!IGNORED.includes(type)) expect(outcomes).toContain('malformed');
      db.close();
    },
  );

  it('refuses an event whose actor id is not a string as malformed, naming the field', () => {
    const event = next('ItemCreated', sample('ItemCreated'));
    const broken = { ...event, metadata: { ...event.metadata, actor: { type: 'member', id: { id: 'x' } } } } as unknown as RecordedEvent;
    const projector = new SharingHubProjector(new SqliteSharingHubStore(openReadDatabase(':memory:')));
    return expect(projector.applyBatch([broken])).rejects.toThrow(/metadata\.actor\.id is not a string/);
  });
});
