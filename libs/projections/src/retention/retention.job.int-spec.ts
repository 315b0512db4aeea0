import { EventMetadata, EventStore, NewEvent, SqliteEventStore } from '@app/event-store';
import { retainedKeyIdOf, SqliteKeyStore } from '@app/privacy';
import { privacyParts, PrivacyParts } from '@app/privacy/testing/privacy.testing';
import { ActivityLogProjector } from '../activity-log/activity-log.projector';
import { SqliteActivityLogStore } from '../activity-log/sqlite-activity-log.store';
import { rebuildView } from '../shared/rebuild';
import { openReadDatabase } from '../shared/sqlite-read-database';
import { RetentionJob } from './retention.job';

const mspId = 'msp-1';
const orgId = 'org-1';
const tenant = { mspId, orgId };
const ann: EventMetadata = {
  actor: { type: 'member', id: 'm-ann', email: 'ann@acme.example', name: 'Ann Lee', role: 'org_owner' }, tenant, client: { ip: '198.51.100.23' },
};
const mspOwner: EventMetadata = { actor: { type: 'member', id: 'm-olga', email: 'olga@msp.example', role: 'msp_owner' }, tenant: { mspId }, client: { ip: '198.51.100.9' } };
const signIn: EventMetadata = { actor: { type: 'service', id: 'sso', role: 'service' }, tenant, client: { ip: '10.0.0.9' } };

const used = (usage: string): NewEvent => ({ type: 'ItemUsed', data: { itemId: 'i-1', itemType: 'password', itemName: 'Bank', usage }, metadata: ann });
const signedIn = (ip: string): NewEvent => ({ type: 'MemberSignInSucceeded', data: { orgId, memberId: 'm-ann', email: 'ann@acme.example', ip }, metadata: signIn });

describe('the retention job, with a clock the test moves', () => {
  let now: Date;
  const clock = () => now;
  let adapter: SqliteEventStore;
  let keyStore: SqliteKeyStore;
  let parts: PrivacyParts;
  let store: EventStore;
  let activity: SqliteActivityLogStore;
  let job: RetentionJob;

  const all = () => activity.query({ scope: { mspId }, window: { from: '2025-01-01T00:00:00.000Z', to: '2028-01-01T00:00:00.000Z' }, limit: 1000 });
  const types = async () => (await all()).map((e) => `${e.eventType}@${e.occurredAt.slice(0, 7)}`).sort();

  beforeEach(async () => {
    now = new Date('2026-01-15T12:00:00.000Z');
    adapter = new SqliteEventStore({ file: ':memory:', clock });
    keyStore = new SqliteKeyStore(':memory:');
    parts = privacyParts(keyStore, undefined, clock);
    store = parts.wrap(adapter);
    activity = new SqliteActivityLogStore(openReadDatabase(':memory:'));
    job = new RetentionJob(store, activity, keyStore, parts.keys, clock);

    // The MSP keeps 120 days; the organization, within that, 100.
    await store.append('organization-org-1', [{ type: 'OrganizationCreated', data: { organizationId: orgId, name: 'Acme', mspId }, metadata: mspOwner }], 'no_stream');
    await store.append('mspSettings-msp-1', [
      { type: 'MspSettingChanged', data: { mspId, key: 'activityLogRetentionDays', oldValue: 90, newValue: 120 }, metadata: mspOwner },
    ], 'no_stream');
    await store.append('orgSettings-org-1', [
      { type: 'OrganizationSettingChanged', data: { orgId, key: 'activityLogRetentionDays', oldValue: null, newValue: 100 }, metadata: ann },
    ], 'no_stream');
    await store.append('vaultItem-i-1', [{ type: 'ItemCreated', data: { itemId: 'i-1', itemType: 'password', itemName: 'Bank', ownerMemberId: 'm-ann', ownerName: 'Ann Lee' }, metadata: ann }], 'no_stream');
    await store.append('vaultItem-i-1', [used('copied')], 'any');
    await store.append('orgMember-org-1/m-ann', [signedIn('203.0.113.1')], 'any');
    now = new Date('2026-06-10T12:00:00.000Z');
    await store.append('vaultItem-i-1', [used('viewed')], 'any');
    await store.append('orgMember-org-1/m-ann', [signedIn('203.0.113.2')], 'any');
    await rebuildView(store, new ActivityLogProjector(activity));
  });
  afterEach(async () => {
    await adapter.close();
    await keyStore.close();
  });

  it('removes entries older than the organization’s retention from the view, and makes January’s activity payloads unreadable', async () => {
    const storedBefore = await adapter.readAll();
    expect(await types()).toEqual([
      'ItemCreated@2026-01', 'ItemUsed@2026-01', 'ItemUsed@2026-06', 'MemberSignInSucceeded@2026-01', 'MemberSignInSucceeded@2026-06',
      'MspSettingChanged@2026-01', 'OrganizationCreated@2026-01', 'OrganizationSettingChanged@2026-01',
    ]);

    now = new Date('2026-04-20T00:00:00.000Z'); // the organization's cutoff is 2026-01-10: nothing of January is past it yet
    expect(await job.runOnce()).toMatchObject({ expiredMonths: 0, removedEntries: 0 });

    // The organization's cutoff (100 days) is 2026-02-04: its January is wholly past it; the MSP's (120) is 2026-01-15, not yet.
    now = new Date('2026-05-15T00:00:00.000Z');
    expect(await job.runOnce()).toMatchObject({ expiredMonths: 1, removedEntries: 4 });
    expect(await types()).toEqual([
      'ItemUsed@2026-06', 'MemberSignInSucceeded@2026-06', 'MspSettingChanged@2026-01', 'OrganizationCreated@2026-01',
    ]);

    now = new Date('2026-06-20T00:00:00.000Z'); // both cutoffs are past January now
    expect(await job.runOnce()).toMatchObject({ expiredMonths: 0, removedEntries: 2 });
    expect(await types()).toEqual(['ItemUsed@2026-06', 'MemberSignInSucceeded@2026-06']);

    // The stored bytes are what they were; read through the layer, January's activity has no payload left.
    expect(await adapter.readAll()).toEqual(storedBefore);
    const events = await store.readAll();
    const january = events.filter((e) => e.occurredAt.startsWith('2026-01') && ['ItemUsed', 'MemberSignInSucceeded'].includes(e.type));
    expect(january).toHaveLength(2);
    for (const event of january) {
      expect(event.expired).toBe(true);
      expect(event.data).toEqual({});
      // Still sealed at rest, under a key that is gone.
      const stored = storedBefore.find((e) => e.id === event.id)!;
      const keyId = retainedKeyIdOf(stored.data);
      expect(keyId).toMatch(/^[0-9a-f]{24}$/);
      expect(await keyStore.periodKeys([keyId!])).toEqual([]);
    }
    // June's are intact, and so are the state events the command side still folds.
    const june = await parts.personalData.reveal(events.filter((e) => e.occurredAt.startsWith('2026-06')).map((e) => e.data));
    expect(june).toEqual([used('viewed').data, signedIn('203.0.113.2').data]);
    expect(events.find((e) => e.type === 'ItemCreated')).toMatchObject({ data: { itemName: 'Bank' } });
    expect(events.find((e) => e.type === 'ItemCreated')!.expired).toBeUndefined();

    expect(await job.status()).toMatchObject({ lastRun: { expiredMonths: 0, removedEntries: 2, finishedAt: now.toISOString() }, running: null });
  });

  it('rebuilds from scratch past expired payloads without error, and the next pass leaves the same view', async () => {
    now = new Date('2026-06-20T00:00:00.000Z');
    await job.runOnce();
    const after = await all();
    const rebuilt = await rebuildView(store, new ActivityLogProjector(activity));
    expect(rebuilt.applied).toBe((await adapter.readAll()).length);
    expect(await job.runOnce()).toMatchObject({ expiredMonths: 0 });
    expect(await all()).toEqual(after);
  });

  it('never makes a key again for an expired month: an event sealed with a clock set back keeps no payload', async () => {
    now = new Date('2026-06-20T00:00:00.000Z');
    await job.runOnce();
    now = new Date('2026-01-20T00:00:00.000Z');
    await store.append('vaultItem-i-1', [used('copied')], 'any');
    const [last] = await store.readAll({ direction: 'backwards', limit: 1 });
    expect(last.type).toBe('ItemUsed');
    expect(last.data).toEqual({});
    const [stored] = await adapter.readAll({ direction: 'backwards', limit: 1 });
    expect(JSON.stringify({ data: stored.data, metadata: stored.metadata })).not.toContain('ann@acme.example');
  });
});
