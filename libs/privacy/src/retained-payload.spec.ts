import { DataKey } from '@app/crypto';
import { openRetained, parseRetained, retainedKeyIdOf, RETAINED_FIELD, RetainedPayload, sealRetained } from './retained-payload';

describe('a retained payload', () => {
  const key = DataKey.generate();
  const keyId = '0123456789abcdef01234567';
  const context = { eventId: '0199b2f6-824b-7732-8af1-e84e29737f35', eventType: 'ItemUsed' };
  const payload: RetainedPayload = { data: { itemId: 'i-1', note: 'é ✓' }, actor: { email: 'pd1:x' }, client: { ip: 'pd1:y' } };
  const stored = (text: string) => ({ [RETAINED_FIELD]: text });
  const sealed = sealRetained(key, keyId, payload, context);

  it('opens under its key and its event, and names its key id', () => {
    expect(sealed).toMatch(/^rt1:[0-9a-f]{24}:[A-Za-z0-9_-]+:$/);
    expect(retainedKeyIdOf(stored(sealed))).toBe(keyId);
    expect(openRetained(key, parseRetained(stored(sealed))!, context)).toEqual(payload);
    // Opened twice in a row: the reused buffers hold nothing of the previous payload.
    expect(openRetained(key, parseRetained(stored(sealRetained(key, keyId, { ...payload, data: {} }, context)))!, context)).toEqual({ ...payload, data: {} });
  });

  it('does not open under another key, for another event or type, or altered', () => {
    const parsed = parseRetained(stored(sealed))!;
    expect(openRetained(DataKey.generate(), parsed, context)).toBeUndefined();
    expect(openRetained(key, parsed, { ...context, eventId: '0199b2f6-824b-7732-8af1-e84e29737f36' })).toBeUndefined();
    expect(openRetained(key, parsed, { ...context, eventType: 'VaultAccessed' })).toBeUndefined();
    const at = 40;
    const flipped = `${sealed.slice(0, at)}${sealed[at] === 'A' ? 'B' : 'A'}${sealed.slice(at + 1)}`;
    expect(openRetained(key, parseRetained(stored(flipped))!, context)).toBeUndefined();
    expect(openRetained(key, parseRetained(stored(`${sealed.slice(0, -5)}:`))!, context)).toBeUndefined();
  });

  it('reads a body with a character outside base64url as unreadable, not as another payload', () => {
    const withSpace = `${sealed.slice(0, 40)} ${sealed.slice(41)}`;
    expect(openRetained(key, parseRetained(stored(withSpace))!, context)).toBeUndefined();
    const withColon = `${sealed.slice(0, 40)}:${sealed.slice(41)}`;
    expect(openRetained(key, parseRetained(stored(withColon))!, context)).toBeUndefined();
  });

  it.each([
    ['no payload field', { other: sealed }],
    ['a payload that is not text', stored(42 as never)],
    ['another version', stored(`rt2${sealed.slice(3)}`)],
    ['an upper-case key id', stored(`rt1:${keyId.toUpperCase()}${sealed.slice(28)}`)],
    ['a short key id', stored(`rt1:${keyId.slice(1)}${sealed.slice(28)}`)],
    ['no closing colon', stored(sealed.slice(0, -1))],
    ['no body', stored(`rt1:${keyId}::`)],
  ])('is not read from %s', (_, data) => {
    expect(parseRetained(data)).toBeUndefined();
    expect(retainedKeyIdOf(data)).toBeUndefined();
  });
});
