import { createHash } from 'node:crypto';
import { InvalidInput } from '@app/domain';
import { TimeWindow } from './time-window';

/** Keyset position of the last row of a page, newest first: (occurredAt, position). */
export interface CursorPosition {
  occurredAt: string;
  position: bigint;
}

export interface Page<T> {
  items: T[];
  /** Opaque; pass it back as `cursor` with the same filters for the next page. Null on the last page. */
  nextCursor: string | null;
}

/** Where the next page starts, and the window of the first page (a default `to` of "now" must not drift). */
export interface CursorState {
  after: CursorPosition;
  window: TimeWindow;
}

/** A cursor is bound to the filters it was made for, so it cannot be replayed against others. */
export function encodeCursor({ after, window }: CursorState, filters: object): string {
  const json = JSON.stringify({ t: after.occurredAt, p: after.position.toString(), w: [window.from, window.to], k: filterKey(filters) });
  return Buffer.from(json).toString('base64url');
}

export function decodeCursor(cursor: string, filters: object): CursorState {
  let parsed: { t?: unknown; p?: unknown; w?: unknown; k?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidInput('cursor is not one this API issued', 'cursor');
  }
  const { t, p, w } = parsed;
  const validWindow = Array.isArray(w) && w.length === 2 && w.every((x) => typeof x === 'string');
  if (typeof t !== 'string' || typeof p !== 'string' || !/^\d+$/.test(p) || !validWindow) {
    throw new InvalidInput('cursor is not one this API issued', 'cursor');
  }
  if (parsed.k !== filterKey(filters)) throw new InvalidInput('cursor was issued for other filters', 'cursor');
  return { after: { occurredAt: t, position: BigInt(p) }, window: { from: w[0], to: w[1] } };
}

function filterKey(filters: object): string {
  const sorted = Object.entries(filters).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('base64url').slice(0, 12);
}

/** Builds a page from `limit + 1` rows: the extra row only tells that there is a next page. */
export function toPage<R extends CursorPosition, T>(
  rows: R[], limit: number, filters: object, window: TimeWindow, map: (row: R) => T,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const next = rows.length > limit && last ? { occurredAt: last.occurredAt, position: last.position } : undefined;
  return { items: items.map(map), nextCursor: next ? encodeCursor({ after: next, window }, filters) : null };
}
