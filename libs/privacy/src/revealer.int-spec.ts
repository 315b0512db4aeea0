import { KeyRing, MasterKey } from '@app/crypto';
import { SqliteKeyStore } from './key-store/sqlite-key-store';
import { sealToken } from './personal-token';
import { pseudonymOf, subjectOf } from './subjects';
import { privacyParts } from './testing/privacy.testing';
import { UNREADABLE } from './revealer';

describe('revealing sealed values over a real key store', () => {
  let keyStore: SqliteKeyStore;
  let parts: ReturnType<typeof privacyParts>;
  const subject = subjectOf('org:org-1', 'm-bob');
  const context = { eventId: '0199b2f6-824b-7732-8af1-e84e29737f35', eventType: 'MemberInvited' };
  const ring = new KeyRing(MasterKey.generate());
  let token: string;

  beforeEach(async () => {
    keyStore = new SqliteKeyStore(':memory:');
    parts = privacyParts(keyStore, ring);
    const key = await parts.keys.subjectKeyForSealing(subject);
    if (key === 'erased') throw new Error('a new subject has a key');
    token = sealToken(key, subject.keyId, 'bob@acme.example', context);
  });
  afterEach(() => keyStore.close());

  it('answers a value revealed before from the cache only while its key is there', async () => {
    expect(await parts.personalData.reveal({ email: token, note: `by ${token}` })).toEqual({ email: 'bob@acme.example', note: 'by bob@acme.example' });
    expect(await parts.personalData.reveal(token)).toBe('bob@acme.example');
    parts.keys.forgetSubject(subject.keyId);
    expect(await parts.personalData.reveal(token)).toBe(pseudonymOf(subject.keyId));
    expect(await parts.personalData.reveal(`by ${token}`)).toBe(`by ${pseudonymOf(subject.keyId)}`);
  });

  it('loads the keys of values revealed before for a fresh process too, and reads an altered token as unreadable', async () => {
    expect(await parts.personalData.reveal(token)).toBe('bob@acme.example');
    expect(await privacyParts(keyStore, ring).personalData.reveal({ at: [token] })).toEqual({ at: ['bob@acme.example'] });
    const altered = `${token.slice(0, 40)}${token[40] === 'A' ? 'B' : 'A'}${token.slice(41)}`;
    expect(await parts.personalData.reveal(altered)).toBe(UNREADABLE);
    expect(await parts.personalData.reveal(`${token}x`)).toBe('bob@acme.example' + 'x');
  });
});
