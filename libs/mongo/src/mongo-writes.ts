import { AnyBulkWriteOperation, Collection, Document, Filter, MongoBulkWriteError, OptionalUnlessRequiredId } from 'mongodb';

const DUPLICATE_KEY = 11000;

/** Inserts the documents whose _id is not stored yet and returns the indexes of the others (left as they are). */
export async function insertNew<T extends Document & { _id: string }>(collection: Collection<T>, docs: T[]): Promise<number[]> {
  if (docs.length === 0) return [];
  try {
    await collection.insertMany(docs as OptionalUnlessRequiredId<T>[], { ordered: false });
    return [];
  } catch (error) {
    const duplicates = duplicateKeyIndexes(error);
    if (!duplicates) throw error;
    return duplicates;
  }
}

/**
 * Inserts new documents in one round trip (single updates are slow on FerretDB), then replaces the
 * stored ones only where their `guard` position is lower: an older or equal write changes nothing.
 */
export async function insertOrReplaceOlder<T extends Document & { _id: string }>(
  collection: Collection<T>,
  docs: T[],
  guard: keyof T & string,
): Promise<void> {
  const stored = await insertNew(collection, docs);
  if (stored.length === 0) return;
  await collection.bulkWrite(
    stored.map((i) => {
      const { _id, ...fields } = docs[i];
      const filter = { _id, [guard]: { $lt: docs[i][guard] } } as Filter<T>;
      return { updateOne: { filter, update: { $set: fields as Partial<T> } } } satisfies AnyBulkWriteOperation<T>;
    }),
    { ordered: false },
  );
}

/** Indexes of the failed writes when every failure is a duplicate _id; undefined otherwise. */
function duplicateKeyIndexes(error: unknown): number[] | undefined {
  if (!(error instanceof MongoBulkWriteError)) return undefined;
  const errors = [error.writeErrors].flat();
  if (errors.length === 0 || errors.some((e) => e.code !== DUPLICATE_KEY)) return undefined;
  return errors.map((e) => e.index);
}

