export interface Framing {
  /** Bytes a request adds once (`[` and `]` for a JSON array). */
  fixed: number;
  /** Bytes between two items (`,` in a JSON array; 0 for concatenated objects). */
  separator: number;
}

/**
 * Splits serialized items, in order, into chunks whose framed size is at most `maxBytes`.
 * An item too large for any chunk gets a chunk of its own (`oversized`), so the caller
 * decides: send it alone, or refuse it.
 */
export function chunkBySize(sizes: readonly number[], maxBytes: number, framing: Framing): { start: number; end: number; bytes: number; oversized: boolean }[] {
  const chunks: { start: number; end: number; bytes: number; oversized: boolean }[] = [];
  let start = 0;
  let bytes = framing.fixed;
  for (let i = 0; i < sizes.length; i += 1) {
    const added = (i > start ? framing.separator : 0) + sizes[i];
    if (i > start && bytes + added > maxBytes) {
      chunks.push({ start, end: i, bytes, oversized: false });
      start = i;
      bytes = framing.fixed + sizes[i];
    } else {
      bytes += added;
    }
  }
  if (sizes.length > start) chunks.push({ start, end: sizes.length, bytes, oversized: false });
  return chunks.map((chunk) => ({ ...chunk, oversized: chunk.bytes > maxBytes }));
}
