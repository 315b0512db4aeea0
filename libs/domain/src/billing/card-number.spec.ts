import { containsCardNumber, findCardNumber } from './card-number';

describe('containsCardNumber', () => {
  it.each([
    ['4111111111111111'],
    ['4111 1111 1111 1111'],
    ['4111-1111-1111-1111'],
    ['3782 822463 10005'], // 15-digit Amex
    ['6011000990139424'],
    ['please charge 4111 1111 1111 1111 next month'],
    ['ref 12 4111 1111 1111 1111'],
  ])('finds a card number in %p', (text) => expect(containsCardNumber(text)).toBe(true));

  it.each([
    ['4111 1111 1111 1112'], // fails the Luhn check
    ['4111 1111 1111'], // 12 digits
    ['+1 (555) 123-4567'],
    ['+44 20 7946 0958'],
    ['12345678901234567890123456'], // a long id is not sliced
    ['Acme Ltd, 221B Baker Street'],
    [''],
  ])('finds none in %p', (text) => expect(containsCardNumber(text)).toBe(false));

  it('walks nested objects and arrays', () => {
    expect(containsCardNumber({ a: [{ b: 'x' }, { c: ['note: 4111-1111-1111-1111'] }] })).toBe(true);
    expect(containsCardNumber({ a: [1, true, null, { b: 'Visa ending 1111' }] })).toBe(false);
  });

  it('treats integers as digits too', () => {
    expect(containsCardNumber({ number: 4111111111111111 })).toBe(true);
    expect(containsCardNumber({ expYear: 2030, expMonth: 12 })).toBe(false);
  });

  it('names the field that holds it', () => {
    expect(findCardNumber({ addressLines: ['Main St', 'PAN 4111111111111111'] })).toBe('addressLines.1');
    expect(findCardNumber('4111111111111111')).toBe('');
    expect(findCardNumber({ companyName: 'Acme' })).toBeUndefined();
  });
});
