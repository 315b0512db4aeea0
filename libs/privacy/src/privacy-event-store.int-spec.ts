import { KeyRing, MasterKey } from '@app/crypto';
import { EventMetadata, NewEvent, SqliteEventStore } from '@app/event-store';
import { ErasureFollower } from './erasure';
import { SqliteKeyStore } from './key-store/sqlite-key-store';
import { pseudonymOf, subjectKeyId } from './subjects';
import { privacyParts } from './testing/privacy.testing';
import { UNREADABLE } from './revealer';

const mspId = 'msp-1';
const orgId = 'org-1';
const owner: EventMetadata = {
  actor: { type: 'member', id: 'm-ann', email: 'ann@acme.example', name: 'Ann Lee', role: 'org_owner' },
  tenant: { mspId, orgId },
  client: { ip: '198.51.100.23', userAgent: 'Firefox/128' },
};
const signInService: EventMetadata = { actor: { type: 'service', id: 'sso', role: 'service' }, tenant: { mspId, orgId }, client: { ip: '10.0.0.9' } };

const invited: NewEvent = {
  type: 'MemberInvited', data: { orgId, memberId: 'm-bob', email: 'bob@acme.example', name: 'Bob Stone', role: 'org_member' }, metadata: owner,
};
const signedIn: NewEvent = {
  type: 'MemberSignInSucceeded', data: { orgId, memberId: 'm-bob', email: 'bob@acme.example', ip: '203.0.113.44' }, metadata: signInService,
};
const sharedWithGroup: NewEvent = {
  type: 'ItemShared',
  data: { itemId: 'i-1', itemType: 'password', itemName: 'Bank login', principal: { type: 'group', id: 'g-1', displayName: 'Ops team' }, rights: 'view' },
  metadata: owner,
};

const CLEAR = ['bob@acme.example', 'Bob Stone', 'ann@acme.example', 'Ann Lee', '198.51.100.23', '203.0.113.44', 'Firefox/128'];

describe('the personal-data layer over a real SQLite event store and key store', () => {
  let adapter: SqliteEventStore;
  let keyStore: SqliteKeyStore;
  const ring = new KeyRing(MasterKey.generate());
  let parts: ReturnType<typeof privacyParts>;

  beforeEach(() => {
    adapter = new SqliteEventStore({ file: ':memory:' });
    keyStore = new SqliteKeyStore(':memory:');
    parts = privacyParts(keyStore, ring);
  });
  afterEach(async () => {
    await adapter.close();
    await keyStore.close();
  });

  const json = (value: unknown) => JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
  const stored = async () => json(await adapter.readAll());

  it('stores no personal value in clear, reads them back sealed, and reveals them for a presenter', async () => {
    const store = parts.wrap(adapter);
    await store.append('orgRoster-org-1', [invited], 'no_stream');
    for (const clear of CLEAR.slice(0, 4)) expect(await stored()).not.toContain(clear);
    const [event] = await store.readStream('orgRoster-org-1');
    expect(event.data).toMatchObject({ orgId, memberId: 'm-bob', role: 'org_member', email: expect.stringMatching(/^pd1:/) });
    expect(event.metadata.actor).toMatchObject({ type: 'member', id: 'm-ann', role: 'org_owner', email: expect.stringMatching(/^pd1:/) });
    expect(await parts.personalData.reveal({ data: event.data, actor: event.metadata.actor, client: event.metadata.client })).toEqual({
      data: invited.data, actor: owner.actor, client: owner.client,
    });
  });

  it('binds each sealed value to its event: copied into another event’s context it does not open', async () => {
    const store = parts.wrap(adapter);
    await store.append('orgRoster-org-1', [invited, { ...invited, data: { ...invited.data, memberId: 'm-cara', email: 'cara@acme.example' } }], 'no_stream');
    const [first] = await store.readStream('orgRoster-org-1');
    const token = first.data.email as string;
    const bytes = Buffer.from(token.split(':')[2], 'base64url');
    bytes[0] ^= 0x01; // another event id, same ciphertext
    const moved = `pd1:${token.split(':')[1]}:${bytes.toString('base64url')}:`;
    expect(await parts.personalData.reveal(moved)).toBe(UNREADABLE);
  });

  it('reveals a sealed value inside a sentence, and leaves a group’s name in clear', async () => {
    const store = parts.wrap(adapter);
    await store.append('orgRoster-org-1', [invited], 'no_stream');
    await store.append('vaultItem-i-1', [sharedWithGroup], 'any');
    const [event] = await store.readStream('orgRoster-org-1');
    expect(await parts.personalData.reveal(`${event.data.name} (${event.data.email}): invited`)).toBe('Bob Stone (bob@acme.example): invited');
    const [share] = await store.readStream('vaultItem-i-1');
    expect((share.data as { principal: { displayName: string } }).principal.displayName).toBe('Ops team');
  });

  it('seals an activity event’s whole payload under its month’s key; once that key is gone it reads as expired, its bytes unchanged', async () => {
    const store = parts.wrap(adapter);
    await store.append('orgMember-org-1/m-bob', [signedIn], 'no_stream');
    const [raw] = await adapter.readAll();
    expect(Object.keys(raw.data)).toEqual(['$retained']);
    expect(raw.metadata.client).toEqual({});
    for (const clear of ['10.0.0.9', '203.0.113.44', 'Bank']) expect(json(raw)).not.toContain(clear);
    const [opened] = await store.readAll();
    expect(await parts.personalData.reveal(opened.data)).toEqual(signedIn.data);
    expect(opened.metadata.client).toEqual({ ip: '10.0.0.9' });
    expect(opened.expired).toBeUndefined();

    const [periodKey] = await keyStore.listPeriodKeys();
    expect(periodKey).toMatchObject({ tenant: 'org:org-1', period: new Date().toISOString().slice(0, 7) });
    await keyStore.expirePeriodKey(periodKey.keyId, new Date().toISOString());
    parts.keys.forgetPeriod(periodKey.keyId);
    const [expired] = await store.readAll();
    expect(expired).toMatchObject({ id: raw.id, type: 'MemberSignInSucceeded', position: raw.position, occurredAt: raw.occurredAt, data: {}, expired: true });
    expect(expired.metadata.tenant).toEqual({ mspId, orgId });
    expect(await stored()).toBe(json([raw]));
  });

  it('erases a member: every copy of their values reads as their pseudonym, nothing new is sealed for them, their email no longer matches', async () => {
    const store = parts.wrap(adapter);
    await store.append('orgRoster-org-1', [invited], 'no_stream');
    expect(await parts.personalData.membersWithEmail('org:org-1', 'BOB@acme.example')).toEqual(['m-bob']);
    const [event] = await store.readStream('orgRoster-org-1');
    expect(await parts.erasure.erase({ scope: 'org:org-1', memberId: 'm-bob' })).toBe(true);
    const pseudonym = pseudonymOf(subjectKeyId({ scope: 'org:org-1', memberId: 'm-bob' }));
    expect(pseudonym).toMatch(/^erased-member-[0-9a-f]{4}$/);
    expect(await parts.personalData.reveal(event.data)).toMatchObject({ email: pseudonym, name: pseudonym });
    expect(await parts.personalData.reveal(event.metadata.actor)).toMatchObject({ email: 'ann@acme.example' });
    expect(await parts.personalData.membersWithEmail('org:org-1', 'bob@acme.example')).toEqual([]);

    await store.append('orgRoster-org-1', [{ ...invited, type: 'MemberRemoved' }], 'any');
    const [, removed] = await store.readStream('orgRoster-org-1');
    expect(removed.data).toMatchObject({ email: pseudonym, name: pseudonym });
    expect(await keyStore.subjectKeys([subjectKeyId({ scope: 'org:org-1', memberId: 'm-bob' })])).toEqual([]);
  });

  it('needs the keys loaded before a synchronous reveal', async () => {
    const store = parts.wrap(adapter);
    await store.append('orgRoster-org-1', [invited], 'no_stream');
    const [event] = await store.readStream('orgRoster-org-1');
    const reveal = await privacyParts(keyStore, ring).personalData.revealerFor('nothing sealed here');
    expect(() => reveal(event.data)).toThrow(/was not loaded/);
  });

  it('follows erasure events: another process deletes the key and every process forgets it', async () => {
    const api = parts.wrap(adapter);
    const worker = privacyParts(keyStore, ring);
    await api.append('orgRoster-org-1', [invited], 'no_stream');
    const [event] = await api.readStream('orgRoster-org-1');
    expect(await worker.personalData.reveal(event.data.email)).toBe('bob@acme.example');
    const follower = new ErasureFollower(worker.wrap(adapter), keyStore, worker.erasure, 50);
    follower.start();
    try {
      await api.append('orgRoster-org-1', [{ type: 'MemberPersonalDataErased', data: { orgId, memberId: 'm-bob' }, metadata: owner }], 'any');
      await until(async () => (await keyStore.subjectKeys([subjectKeyId({ scope: 'org:org-1', memberId: 'm-bob' })])).length === 0);
      expect(await worker.personalData.reveal(event.data.email)).toMatch(/^erased-member-/);
      expect(await keyStore.getMeta('erasure-checkpoint')).toBe((await adapter.headPosition()).toString());
    } finally {
      await follower.stop();
    }
  });
});

async function until(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
