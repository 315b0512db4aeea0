import { chunkBySize } from './batching';

describe('chunkBySize', () => {
  const array = { fixed: 2, separator: 1 };
  const concatenated = { fixed: 0, separator: 0 };

  it('fills each chunk up to the bound, counting the framing exactly', () => {
    const items = ['{"a":1}', '{"b":22}', '{"c":333}', '{"d":4}'];
    const chunks = chunkBySize(items.map((i) => i.length), 19, array);
    const bodies = chunks.map((c) => `[${items.slice(c.start, c.end).join(',')}]`);
    expect(bodies).toEqual(['[{"a":1},{"b":22}]', '[{"c":333},{"d":4}]']);
    expect(chunks.map((c) => c.bytes)).toEqual(bodies.map((b) => b.length));
    expect(bodies.every((b) => b.length <= 19)).toBe(true);
  });

  it('puts items exactly at the bound together, and one byte over apart', () => {
    expect(chunkBySize([5, 5], 10, concatenated).map((c) => [c.start, c.end])).toEqual([[0, 2]]);
    expect(chunkBySize([5, 6], 10, concatenated).map((c) => [c.start, c.end])).toEqual([[0, 1], [1, 2]]);
    expect(chunkBySize([4, 4], 11, array).map((c) => [c.start, c.end])).toEqual([[0, 2]]);
    expect(chunkBySize([4, 5], 11, array).map((c) => [c.start, c.end])).toEqual([[0, 1], [1, 2]]);
  });

  it('gives an item over the bound a chunk of its own, flagged', () => {
    const chunks = chunkBySize([3, 50, 3, 3], 10, concatenated);
    expect(chunks).toEqual([
      { start: 0, end: 1, bytes: 3, oversized: false },
      { start: 1, end: 2, bytes: 50, oversized: true },
      { start: 2, end: 4, bytes: 6, oversized: false },
    ]);
  });

  it('keeps every item once and in order, whatever the sizes', () => {
    const sizes = Array.from({ length: 500 }, (_, i) => 1 + ((i * 7919) % 97));
    const chunks = chunkBySize(sizes, 300, array);
    expect(chunks.flatMap((c) => sizes.slice(c.start, c.end))).toEqual(sizes);
    expect(chunks.every((c, i) => i === 0 || c.start === chunks[i - 1].end)).toBe(true);
    expect(chunks.every((c) => c.bytes <= 300)).toBe(true);
    expect(chunkBySize([], 300, array)).toEqual([]);
  });
});
