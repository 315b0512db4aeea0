/**
 * `compute`, remembered by key: each key is computed once, then answered from a Map. Never holds
 * more than `max` keys: when full, the next new key empties it first (all at once; every caller
 * memoizes a value cheap to compute again, and a clear keeps each call a plain lookup).
 *
 * `input` is for a value the key is made from but does not hold as it is (subjectOf's scope): it
 * is read only when the key is computed, so it must give the same value for the same key. The
 * value is never undefined (an undefined one would be computed on every call).
 */
export function boundedMemo<K, V extends {} | null, I = void>(max: number, compute: (key: K, input: I) => V): (key: K, input: I) => V {
  if (!(max >= 1)) throw new RangeError(`a memo holds at least one key (max: ${max})`);
  const memo = new Map<K, V>();
  return (key, input) => {
    let value = memo.get(key);
    if (value === undefined) {
      if (memo.size >= max) memo.clear();
      value = compute(key, input);
      memo.set(key, value);
    }
    return value;
  };
}
