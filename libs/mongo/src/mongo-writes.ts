import { Collection, Document, MongoBulkWriteError, OptionalUnlessRequiredId } from 'mongodb';

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

/** Indexes of the failed writes when every failure is a duplicate _id; undefined otherwise. */
function duplicateKeyIndexes(error: unknown): number[] | undefined {
  if (!(error instanceof MongoBulkWriteError)) return undefined;
  const errors = [error.writeErrors].flat();
  if (errors.length === 0 || errors.some((e) => e.code !== DUPLICATE_KEY)) return undefined;
  return errors.map((e) => e.index);
}

