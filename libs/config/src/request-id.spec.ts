import { requestIdOf } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdOf', () => {
  it("adopts a caller's id of 1 to 128 visible ASCII characters", () => {
    expect(requestIdOf('abc-123')).toBe('abc-123');
    expect(requestIdOf('x'.repeat(128))).toBe('x'.repeat(128));
    expect(requestIdOf('a/b:c=d!~')).toBe('a/b:c=d!~');
    expect(requestIdOf(['first', 'second'])).toBe('first');
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['too long', 'x'.repeat(129)],
    ['with a space', 'a b'],
    ['with a control character', 'a\u0007b'],
    ['not ASCII', 'réq'],
  ])('replaces one that is %s with a new UUID', (_, header) => {
    expect(requestIdOf(header)).toMatch(UUID);
  });
});
