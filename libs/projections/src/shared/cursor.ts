import { createHash } from 'node:crypto';
import { InvalidInput } from '@app/domain';
import { CursorSigner } from './cursor-signer';
import { resolveWindow, TimeWindow } from './time-window';

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

/**
 * What a cursor is bound to: signed with the server's key for one reader (`viewer`, e.g. the
 * principal's subject and tenant) and one set of filters, so that it can be neither edited nor
 * replayed by someone else or against other filters.
 */
export interface CursorBinding {
  signer: CursorSigner;
  viewer: string;
  filters: object;
}

const NOT_ISSUED = 'cursor is not one this API issued';
const MAX_POSITION = 2n ** 63n - 1n;
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)$/;

export function encodeCursor({ after, window }: CursorState, binding: CursorBinding): string {
  const payload = { t: after.occurredAt, p: after.position.toString(), w: [window.from, window.to], k: filterKey(binding.filters) };
  return binding.signer.sign(payload, binding.viewer);
}

/**
 * 400 for anything but a cursor this API signed for this viewer; even a signed one is checked
 * again (its position, instants and window) before it reaches a store.
 */
export function decodeCursor(cursor: string, binding: CursorBinding): CursorState {
  const payload = binding.signer.verify(cursor, binding.viewer);
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) throw notIssued();
  const { t, p, w, k } = payload as { t?: unknown; p?: unknown; w?: unknown; k?: unknown };
  if (!isInstant(t) || typeof p !== 'string' || !/^\d{1,19}$/.test(p) || BigInt(p) > MAX_POSITION) throw notIssued();
  if (!Array.isArray(w) || w.length !== 2 || !w.every(isInstant)) throw notIssued();
  const window = checkedWindow(w[0], w[1]);
  if (k !== filterKey(binding.filters)) throw new InvalidInput('cursor was issued for other filters', 'cursor');
  return { after: { occurredAt: t, position: BigInt(p) }, window };
}

/** Builds a page from `limit + 1` rows: the extra row only tells that there is a next page. */
export function toPage<R extends CursorPosition, T>(
  rows: R[], limit: number, binding: CursorBinding, window: TimeWindow, map: (row: R) => T,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const next = rows.length > limit && last ? { occurredAt: last.occurredAt, position: last.position } : undefined;
  return { items: items.map(map), nextCursor: next ? encodeCursor({ after: next, window }, binding) : null };
}

function filterKey(filters: object): string {
  const sorted = Object.entries(filters).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('base64url').slice(0, 12);
}

function isInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

function checkedWindow(from: string, to: string): TimeWindow {
  try {
    return resolveWindow(from, to);
  } catch {
    throw notIssued();
  }
}

function notIssued(): InvalidInput {
  return new InvalidInput(NOT_ISSUED, 'cursor');
}
