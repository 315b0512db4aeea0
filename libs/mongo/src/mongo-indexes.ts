import { Collection, Document, IndexDescription } from 'mongodb';

/**
 * Creates the named indexes that do not exist yet. FerretDB v1 drops the connection when
 * createIndexes names indexes that already exist, so every boot after the first (and a worker
 * starting beside an API) must only ask for the missing ones.
 */
export async function ensureIndexes<T extends Document>(collection: Collection<T>, specs: (IndexDescription & { name: string })[]): Promise<void> {
  const existing = new Set((await collection.listIndexes().toArray().catch(() => [])).map((index) => String(index.name)));
  const missing = specs.filter((spec) => !existing.has(spec.name));
  if (missing.length > 0) await collection.createIndexes(missing);
}
