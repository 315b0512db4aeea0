import { boundedMemo } from './bounded-memo';

describe('boundedMemo', () => {
  /** A memo of `key.length`, with the keys it was asked to compute. */
  const counted = (max: number) => {
    const computed: string[] = [];
    const memo = boundedMemo(max, (key: string) => {
      computed.push(key);
      return { length: key.length };
    });
    return { memo, computed };
  };

  it('computes once per key and answers the same value after', () => {
    const { memo, computed } = counted(10);
    const first = memo('abc');
    expect(first).toEqual({ length: 3 });
    expect(memo('abc')).toBe(first);
    expect(memo('de')).toEqual({ length: 2 });
    expect(memo('abc')).toBe(first);
    expect(computed).toEqual(['abc', 'de']);
  });

  it('never holds more than max keys: a new key when full clears it, and cleared keys are computed again', () => {
    const { memo, computed } = counted(3);
    const a = memo('a');
    memo('b');
    memo('c');
    expect(memo('a')).toBe(a); // full, but a known key is still answered from the memo
    expect(computed).toEqual(['a', 'b', 'c']);
    memo('d'); // the fourth key: the memo is emptied, then holds d alone
    expect(memo('d')).toEqual({ length: 1 });
    expect(computed).toEqual(['a', 'b', 'c', 'd']);
    const again = memo('a');
    expect(again).toEqual(a);
    expect(again).not.toBe(a);
    memo('b');
    expect(computed).toEqual(['a', 'b', 'c', 'd', 'a', 'b']);
    memo('d'); // a, b and d: still held
    expect(computed).toHaveLength(6);
  });

  it('hands the input to compute on a miss only', () => {
    const inputs: number[] = [];
    const memo = boundedMemo(10, (key: string, input: number) => {
      inputs.push(input);
      return `${key}/${input}`;
    });
    expect(memo('k', 1)).toBe('k/1');
    expect(memo('k', 2)).toBe('k/1');
    expect(inputs).toEqual([1]);
  });

  it('refuses a bound below one', () => {
    expect(() => boundedMemo(0, (key: string) => key)).toThrow(RangeError);
  });
});
