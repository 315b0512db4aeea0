import { decodeCursor, encodeCursor, toPage } from './cursor';
import { resolveWindow } from './time-window';

describe('cursor', () => {
  const filters = { mspId: 'msp-1', category: 'Billing' };

  const window = { from: '2026-01-01T00:00:00.000Z', to: '2026-01-31T00:00:00.000Z' };

  it('round-trips a position (without a JS number) and the window of the first page', () => {
    const state = { after: { occurredAt: '2026-01-01T00:00:00.000Z', position: 9007199254740993n }, window };
    expect(decodeCursor(encodeCursor(state, filters), filters)).toEqual(state);
  });

  it('refuses a cursor made for other filters, or a forged one', () => {
    const cursor = encodeCursor({ after: { occurredAt: '2026-01-01T00:00:00.000Z', position: 1n }, window }, filters);
    expect(() => decodeCursor(cursor, { ...filters, category: 'Settings' })).toThrow('cursor was issued for other filters');
    expect(() => decodeCursor('bm9wZQ', filters)).toThrow('cursor is not one this API issued');
  });

  it('pages with one extra row and no cursor on the last page', () => {
    const rows = [3n, 2n, 1n].map((position) => ({ occurredAt: 't', position }));
    const page = toPage(rows, 2, filters, window, (r) => r.position);
    expect(page.items).toEqual([3n, 2n]);
    expect(decodeCursor(page.nextCursor!, filters).after.position).toBe(2n);
    expect(toPage(rows, 3, filters, window, (r) => r.position).nextCursor).toBeNull();
  });
});

describe('resolveWindow', () => {
  const now = new Date('2026-06-30T12:00:00.000Z');

  it('defaults to the last 30 days', () => {
    expect(resolveWindow(undefined, undefined, now)).toEqual({ from: '2026-05-31T12:00:00.000Z', to: '2026-06-30T12:00:00.000Z' });
  });

  it('accepts exactly 90 days and refuses more with a clear message', () => {
    expect(resolveWindow('2026-04-01T00:00:00Z', '2026-06-30T00:00:00Z', now).from).toBe('2026-04-01T00:00:00.000Z');
    expect(() => resolveWindow('2026-03-31T23:59:59Z', '2026-06-30T00:00:00Z', now)).toThrow('the date range must not exceed 90 days');
    expect(() => resolveWindow('2026-01-01', undefined, now)).toThrow('must not exceed 90 days');
  });

  it('refuses malformed and inverted ranges', () => {
    expect(() => resolveWindow('yesterday', undefined, now)).toThrow('from must be an ISO-8601 date or date-time');
    expect(() => resolveWindow('2026-06-10', '2026-06-01', now)).toThrow('from must be before to');
  });
});
