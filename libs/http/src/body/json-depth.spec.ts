import { nestsDeeperThan } from './json-depth';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('nestsDeeperThan', () => {
  it('counts objects and arrays, the top level being 1', () => {
    expect(nestsDeeperThan(bytes('{"a":{"b":[1]}}'), 3)).toBe(false);
    expect(nestsDeeperThan(bytes('{"a":{"b":[1]}}'), 2)).toBe(true);
    expect(nestsDeeperThan(bytes('{}'), 1)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(bytes('{"a":"[[[[{{{{","b":"\\"[[[["}'), 1)).toBe(false);
    expect(nestsDeeperThan(bytes('{"a":"\\\\","b":[[1]]}'), 2)).toBe(true);
  });

  it('reads non-ASCII text without confusing it for brackets', () => {
    expect(nestsDeeperThan(bytes('{"name":"Ａｃｍｅ [株式会社] ٤١١"}'), 1)).toBe(false);
  });

  it('finds 40,000 levels without recursing', () => {
    expect(nestsDeeperThan(bytes(`${'['.repeat(40_000)}${']'.repeat(40_000)}`), 32)).toBe(true);
  });
});
