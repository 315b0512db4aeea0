import { InvalidInput } from '@app/domain';
import { CursorSigner } from '@app/projections';

/**
 * What a list's cursor is bound to: signed with the server's key for one reader (`viewer`) and
 * one list, so that it can be neither edited nor used by someone else or on another list.
 */
export interface ListCursorBinding {
  signer: CursorSigner;
  viewer: string;
  list: string;
}

/** The opaque cursor of a list: the key of the last row of the page, signed. */
export function encodeListCursor(key: Record<string, string>, binding: ListCursorBinding): string {
  return binding.signer.sign(key, bound(binding));
}

/** The key a cursor this API signed for this reader and list carries, with exactly these string fields; 400 for anything else. */
export function decodeListCursor<K extends string>(cursor: string, fields: readonly K[], binding: ListCursorBinding): Record<K, string> {
  const parsed = binding.signer.verify(cursor, bound(binding));
  const isKey =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) &&
    Object.keys(parsed).length === fields.length &&
    fields.every((f) => typeof (parsed as Record<string, unknown>)[f] === 'string');
  if (!isKey) throw new InvalidInput('cursor is not one this list issued', 'cursor');
  return parsed as Record<K, string>;
}

/** A page from `limit + 1` rows: the extra row only tells that there is a next page. */
export function listPage<R, T>(
  rows: R[], limit: number, binding: ListCursorBinding, keyOf: (row: R) => Record<string, string>, present: (row: R) => T,
) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(present), nextCursor: rows.length > limit && last ? encodeListCursor(keyOf(last), binding) : null };
}

function bound({ viewer, list }: ListCursorBinding): string {
  return `${viewer}\0list:${list}`;
}
