import { CursorBinding, decodeCursor, encodeCursor, toPage } from './cursor';
import { CursorSigner } from './cursor-signer';
import { resolveWindow } from './time-window';

const KEY = 'k'.repeat(32);
const signer = new CursorSigner(KEY);
const filters = { mspId: 'msp-1', category: 'Billing' };
const binding: CursorBinding = { signer, viewer: '["olga","msp_owner","msp-1",null]', filters };
const window = { from: '2026-01-01T00:00:00.000Z', to: '2026-01-31T00:00:00.000Z' };
const state = { after: { occurredAt: '2026-01-10T00:00:00.000Z', position: 9007199254740993n }, window };

const NOT_ISSUED = 'cursor is not one this API issued';

/** The cursor with its payload replaced, keeping the original signature (an edit by hand). */
function edited(cursor: string, change: (payload: Record<string, unknown>) => unknown): string {
  const [version, body, mac] = cursor.split('.');
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  return [version, Buffer.from(JSON.stringify(change(payload))).toString('base64url'), mac].join('.');
}

describe('cursor', () => {
  const cursor = encodeCursor(state, binding);

  it('round-trips a position (without a JS number) and the window of the first page', () => {
    expect(decodeCursor(cursor, binding)).toEqual(state);
  });

  it.each([
    ['the position', (p: Record<string, unknown>) => ({ ...p, p: '1' })],
    ['the timestamp', (p: Record<string, unknown>) => ({ ...p, t: '2026-01-20T00:00:00.000Z' })],
    ['the window, widened to 1970–2100', (p: Record<string, unknown>) => ({ ...p, w: ['1970-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z'] })],
    ['the filter key', (p: Record<string, unknown>) => ({ ...p, k: 'AAAAAAAAAAAA' })],
  ])('refuses a cursor whose %s was edited', (_field, change) => {
    const tampered = edited(cursor, change);
    expect(() => decodeCursor(tampered, binding)).toThrow(NOT_ISSUED);
  });

  it.each([
    ['truncated', cursor.slice(0, -1)],
    ['cut before its signature', cursor.split('.').slice(0, 2).join('.')],
    ['with an extra part', `${cursor}.x`],
    ['of another version', cursor.replace(/^c1\./, 'c2.')],
    ['unsigned base64 JSON, as cursors used to be', Buffer.from(JSON.stringify({ t: 'x', p: '1' })).toString('base64url')],
    ['base64 of null', 'bnVsbA'],
    ['empty', ''],
  ])('refuses a cursor %s', (_case, forged) => {
    expect(() => decodeCursor(forged, binding)).toThrow(NOT_ISSUED);
  });

  it('refuses a cursor signed with another key, and accepts one signed with a previous key after a rotation', () => {
    const other = encodeCursor(state, { ...binding, signer: new CursorSigner('o'.repeat(32)) });
    expect(() => decodeCursor(other, binding)).toThrow(NOT_ISSUED);
    const rotated = { ...binding, signer: new CursorSigner('n'.repeat(32), [KEY]) };
    expect(decodeCursor(cursor, rotated)).toEqual(state);
    expect(decodeCursor(encodeCursor(state, rotated), rotated)).toEqual(state);
    expect(() => decodeCursor(encodeCursor(state, rotated), binding)).toThrow(NOT_ISSUED);
  });

  it('refuses a cursor issued to another principal, even with the same filters', () => {
    expect(() => decodeCursor(cursor, { ...binding, viewer: '["adam","msp_owner","msp-1",null]' })).toThrow(NOT_ISSUED);
    expect(() => decodeCursor(cursor, { ...binding, viewer: '["olga","msp_owner","msp-2",null]' })).toThrow(NOT_ISSUED);
  });

  it('refuses a cursor made for other filters, saying so', () => {
    expect(() => decodeCursor(cursor, { ...binding, filters: { ...filters, category: 'Settings' } })).toThrow(
      'cursor was issued for other filters',
    );
  });

  /** Signed with the right key but malformed (a bug or a leaked key): still refused before any store sees it. */
  it.each([
    ['null', null],
    ['an array', [1, 2]],
    ['a string', 'x'],
    ['a 30-digit position', { t: state.after.occurredAt, p: '1'.repeat(30), w: [window.from, window.to] }],
    ['a position above 2^63 - 1', { t: state.after.occurredAt, p: '9223372036854775808', w: [window.from, window.to] }],
    ['a numeric position', { t: state.after.occurredAt, p: 5, w: [window.from, window.to] }],
    ['a window of words', { t: state.after.occurredAt, p: '5', w: ['x', 'y'] }],
    ['a window of three', { t: state.after.occurredAt, p: '5', w: [window.from, window.to, window.to] }],
    ['a window over 90 days', { t: state.after.occurredAt, p: '5', w: ['1970-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z'] }],
    ['an inverted window', { t: state.after.occurredAt, p: '5', w: [window.to, window.from] }],
    ['a timestamp that is not one', { t: '2026-13-45T99:00:00.000Z', p: '5', w: [window.from, window.to] }],
  ])('refuses a signed payload holding %s', (_case, payload) => {
    const forged = signer.sign(payload, binding.viewer);
    expect(() => decodeCursor(forged, binding)).toThrow(NOT_ISSUED);
  });

  it('pages with one extra row and no cursor on the last page', () => {
    const rows = [3n, 2n, 1n].map((position) => ({ occurredAt: '2026-01-05T00:00:00.000Z', position }));
    const page = toPage(rows, 2, binding, window, (r) => r.position);
    expect(page.items).toEqual([3n, 2n]);
    expect(decodeCursor(page.nextCursor!, binding).after.position).toBe(2n);
    expect(toPage(rows, 3, binding, window, (r) => r.position).nextCursor).toBeNull();
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
