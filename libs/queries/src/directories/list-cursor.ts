import { InvalidInput } from '@app/domain';

/**
 * The opaque cursor of a list: the key of the last row of the page. The list's scope always comes
 * from the principal, so an edited cursor can only move within the reader's own list.
 */
export function encodeListCursor(key: Record<string, string>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key a cursor carries, with exactly these string fields; 400 for anything else. */
export function decodeListCursor<K extends string>(cursor: string, fields: readonly K[]): Record<K, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw notOurs();
  }
  const isKey =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) &&
    Object.keys(parsed).length === fields.length &&
    fields.every((f) => typeof (parsed as Record<string, unknown>)[f] === 'string');
  if (!isKey) throw notOurs();
  return parsed as Record<K, string>;
}

/** A page from `limit + 1` rows: the extra row only tells that there is a next page. */
export function listPage<R, T>(rows: R[], limit: number, keyOf: (row: R) => Record<string, string>, present: (row: R) => T) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(present), nextCursor: rows.length > limit && last ? encodeListCursor(keyOf(last)) : null };
}

const notOurs = () => new InvalidInput('cursor is not one this list issued', 'cursor');
