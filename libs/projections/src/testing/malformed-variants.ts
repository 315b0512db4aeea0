/** Values of the wrong type for any field an event's data may have. */
const WRONG_VALUES: readonly unknown[] = [42, null, true, {}, [], { id: 42 }, [42]];

/**
 * The data of an event made wrong in every way a writer could get it wrong: empty, and each field
 * (down to the fields of nested objects) missing or replaced by a value of another type.
 */
export function malformedVariants(data: Record<string, unknown>): { label: string; data: Record<string, unknown> }[] {
  const variants = [{ label: '{}', data: {} }];
  for (const path of pathsOf(data)) {
    variants.push({ label: `${path.join('.')} missing`, data: replaced(data, path, undefined) });
    for (const value of WRONG_VALUES) variants.push({ label: `${path.join('.')} = ${JSON.stringify(value)}`, data: replaced(data, path, value) });
  }
  return variants;
}

function pathsOf(value: unknown, prefix: string[] = [], depth = 0): string[][] {
  if (typeof value !== 'object' || value === null || depth > 2) return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.flatMap(([key, inner]) => [[...prefix, key], ...pathsOf(inner, [...prefix, key], depth + 1)]);
}

function replaced(data: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(data);
  let parent: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) delete parent[last];
  else parent[last] = structuredClone(value);
  return copy;
}
