import { CARD_NUMBER_SPELLINGS, NOT_CARD_NUMBERS } from '../testing/card-number-spellings';
import { containsCardNumber, findCardNumber } from './card-number';

describe('findCardNumber', () => {
  it.each(CARD_NUMBER_SPELLINGS.map((s) => [s.name, s.parts]))('finds a card number written with %s', (_name, parts) => {
    expect(containsCardNumber(parts.length === 1 ? parts[0] : parts)).toBe(true);
  });

  it('has a table of at least 35 spellings', () => {
    expect(CARD_NUMBER_SPELLINGS.length).toBeGreaterThanOrEqual(35);
  });

  it.each(NOT_CARD_NUMBERS.map((v) => [v.name, v.value]))('finds none in %s', (_name, value) => {
    expect(findCardNumber(value)).toBeUndefined();
  });

  it('bridges neighbouring fields of an object, and names each of them', () => {
    expect(findCardNumber({ companyName: 'Acme', addressLines: ['Main Street 4111 1111'], vatId: '1111 1111' }))
      .toEqual(['addressLines.0', 'vatId']);
  });

  it('names the field that holds it, and the value itself as an empty path', () => {
    expect(findCardNumber({ addressLines: ['Main St', 'PAN 4111111111111111'] })).toEqual(['addressLines.1']);
    expect(findCardNumber('4111111111111111')).toEqual(['']);
    expect(findCardNumber({ companyName: 'Acme' })).toBeUndefined();
  });

  it('treats numbers as digits too', () => {
    expect(findCardNumber({ number: 4111111111111111 })).toEqual(['number']);
    expect(findCardNumber({ expYear: 2030, expMonth: 12 })).toBeUndefined();
  });

  it('checks keys, and never puts a key holding digits into a path', () => {
    expect(findCardNumber({ settings: { '4111 1111 1111 1111': 'x' } })).toEqual(['settings']);
    expect(findCardNumber({ settings: { '4111 1111': '4111 1111 1111 1111' } })).toEqual(['settings']);
  });

  it('lets a letter, a UUID, a date or an id end a run', () => {
    expect(findCardNumber(['4111 1111', 'and', '1111 1111'])).toBeUndefined();
    expect(findCardNumber(['4111 1111', '0193a5b2-7c4d-7e01-9b7a-5c1a2b3c4d5e', '1111 1111'])).toBeUndefined();
    expect(findCardNumber({ a: '4111 1111', id: '12345', b: '1111 1111' })).toBeUndefined();
  });

  it('lets a UUID inside a path or a query end a run, whatever digits it starts with', () => {
    // A v7 UUID whose timestamp and the next groups are all digits: 8 + 4 + 4 digits across hyphens.
    const id = '01935012-3456-7893-abcd-0123456789ab'; // 0193501234567893 passes the Luhn check
    expect(findCardNumber({ path: `/organizations/${id}/feed/live` })).toBeUndefined();
    expect(findCardNumber({ path: `/activity-log/business/live?itemId=${id}` })).toBeUndefined();
    expect(findCardNumber({ path: `/items/4111 1111 1111 1111/${id}` })).toEqual(['path']);
  });

  it('skips a hex digest the API computed, even one with a Luhn-valid run of digits inside', () => {
    // A SHA-256 in hex of the kind an Activity Log token's hash is (one in a few hundred holds such a run).
    const digest = 'c0ffee' + '4111111111111111' + 'ab'.repeat(21);
    expect(digest).toHaveLength(64);
    expect(findCardNumber({ tokenHash: digest })).toBeUndefined();
    expect(findCardNumber({ name: `x ${digest}` })).toEqual(['name']);
  });

  it('does not skip an id-shaped value under any other key, nor free text under an id key', () => {
    expect(findCardNumber({ vatId: '4111111111111111' })).toEqual(['vatId']);
    expect(findCardNumber({ memberId: '4111 1111 1111 1111' })).toEqual(['memberId']);
  });

  it('walks nested objects and arrays', () => {
    expect(findCardNumber({ a: [{ b: 'x' }, { c: ['note: 4111-1111-1111-1111'] }] })).toEqual(['a.1.c.0']);
    expect(findCardNumber({ a: [1, true, null, { b: 'Visa ending 1111' }] })).toBeUndefined();
  });

  it('finds a number after a long run of short groups, and none in one very long group', () => {
    expect(findCardNumber(`${'2 '.repeat(100_000)}4111 1111 1111 1111`)).toEqual(['']);
    expect(findCardNumber(`${'7'.repeat(100_000)} 4111`)).toBeUndefined();
  });
});
