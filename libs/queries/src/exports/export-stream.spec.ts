import { PassThrough, Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { ActivityLogQuery, openReadDatabase, presentEntry, SqliteActivityLogStore } from '@app/projections';
import { CSV_COLUMNS, toCsvRecord } from './export-format';
import { exportEntries, ExportSource, streamExport } from './export-stream';
import { syntheticEntries, SyntheticRun } from './synthetic-entries';
import { revealUnsealed, unsealedData } from '@app/privacy/testing/privacy.testing';

const RUN: SyntheticRun = {
  mspId: 'msp-s', startMs: Date.parse('2026-03-01T00:00:00Z'), stepMs: 60_000, tiesPer: 3, positionBase: 1000n, idPrefix: 'e',
};
const WINDOW = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
const QUERY = { scope: { mspId: RUN.mspId } };

/** A sink that keeps what it receives. */
function collector(): { sink: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => { chunks.push(Buffer.from(chunk)); done(); } });
  return { sink, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('streaming exports', () => {
  let store: SqliteActivityLogStore;
  let queries: number;

  beforeEach(async () => {
    store = new SqliteActivityLogStore(openReadDatabase(':memory:'));
    await store.applyBatch(syntheticEntries(RUN, 0, 2000), 2000n);
    queries = 0;
    const query = store.query.bind(store);
    jest.spyOn(store, 'query').mockImplementation((q: ActivityLogQuery) => {
      queries += 1;
      return query(q);
    });
  });

  const source = (overrides: Partial<ExportSource> = {}): ExportSource => ({
    store, query: QUERY, window: WINDOW, audience: 'msp', personalData: unsealedData, pageSize: 7, ...overrides,
  });

  it('reads every entry once, newest first, in keyset pages across timestamp ties', async () => {
    const all = (await store.query({ ...QUERY, window: WINDOW, limit: 5000 })).map((e) => presentEntry(e, 'msp', revealUnsealed));
    queries = 0;
    const exported = [];
    for await (const entry of exportEntries(source())) exported.push(entry);
    expect(exported).toEqual(all);
    expect(exported).toHaveLength(2000);
    expect(queries).toBe(Math.ceil(2000 / 7));
  });

  it('writes CSV: the header row, then one record per entry, CRLF-separated', async () => {
    const { sink, text } = collector();
    const result = await streamExport(source({ pageSize: 500 }), 'csv', sink);
    expect(result.rows).toBe(2000);
    const lines = text().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(2002); // header, 2000 records, and the empty string after the last CRLF
    const newest = presentEntry((await store.query({ ...QUERY, window: WINDOW, limit: 1 }))[0], 'msp', revealUnsealed);
    expect(lines[1]).toBe(toCsvRecord(newest).map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','));
  });

  it('quotes cells holding line breaks, quotes or commas, and neutralises formulas', async () => {
    const [entry] = syntheticEntries({ ...RUN, idPrefix: 'odd', startMs: Date.parse('2026-03-31T00:00:00Z') }, 0, 1);
    entry.position = 5000n; // positions are unique, as the store's key
    entry.initiator.name = '=1+1';
    entry.target = { type: 'member', id: 'm-1', name: 'line\nbreak, "quoted"\rend' };
    await store.applyBatch([entry], 2001n);
    const { sink, text } = collector();
    await streamExport(source(), 'csv', sink);
    const [, first] = text().split('\r\n');
    expect(first).toContain(`,"line\nbreak, ""quoted""\rend",`);
    expect(first).toContain(`,'=1+1,`);
  });

  it('writes JSON Lines: each entry exactly as the log query presents it', async () => {
    const { sink, text } = collector();
    const result = await streamExport(source(), 'jsonl', sink);
    expect(result.rows).toBe(2000);
    const lines = text().trimEnd().split('\n').map((line) => JSON.parse(line));
    const all = (await store.query({ ...QUERY, window: WINDOW, limit: 5000 })).map((e) => presentEntry(e, 'msp', revealUnsealed));
    expect(lines).toEqual(JSON.parse(JSON.stringify(all)));
  });

  it('writes only a header for an empty export', async () => {
    const { sink, text } = collector();
    const result = await streamExport(source({ window: { from: '2020-01-01T00:00:00.000Z', to: '2020-01-02T00:00:00.000Z' } }), 'csv', sink);
    expect(result.rows).toBe(0);
    expect(text()).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('reads the store only as fast as the sink drains (backpressure)', async () => {
    const stalled = new Writable({ highWaterMark: 1024, write: () => undefined }); // never acknowledges a write
    const done = streamExport(source({ pageSize: 10 }), 'csv', stalled).catch((error: unknown) => error);
    await sleep(100);
    const readWhileStalled = queries;
    await sleep(100);
    expect(queries).toBe(readWhileStalled);
    expect(queries).toBeLessThan(20); // of 200 pages
    stalled.destroy();
    expect(await done).toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
    expect(queries).toBe(readWhileStalled);
  });

  it('lets other work run between pages, even when the sink drains at once', async () => {
    const { sink } = collector();
    let readWhenTimerFired = -1;
    const timer = new Promise<void>((resolve) => setTimeout(() => { readWhenTimerFired = queries; resolve(); }, 0));
    await Promise.all([streamExport(source({ pageSize: 10 }), 'csv', sink), timer]);
    expect(readWhenTimerFired).toBeGreaterThan(0);
    expect(readWhenTimerFired).toBeLessThan(10); // of 200 pages
  });

  it('stops reading the store when the sink goes away', async () => {
    const sink = new PassThrough();
    sink.once('data', () => sink.destroy());
    const outcome = await streamExport(source({ pageSize: 10 }), 'jsonl', sink).catch((error: unknown) => error);
    expect(outcome).toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
    const after = queries;
    await sleep(50);
    expect(queries).toBe(after);
    expect(queries).toBeLessThan(20);
  });

  it('stops reading the store when aborted', async () => {
    const abort = new AbortController();
    const sink = new Writable({ write: (_chunk, _enc, done) => { abort.abort(); setImmediate(done); } });
    const outcome = await streamExport(source({ pageSize: 10 }), 'csv', sink, abort.signal).catch((error: unknown) => error);
    expect(outcome).toMatchObject({ name: 'AbortError' });
    expect(queries).toBeLessThan(20);
  });

  it('fails before touching the sink when the first page cannot be read', async () => {
    jest.spyOn(store, 'query').mockRejectedValueOnce(new Error('database is locked'));
    const { sink, text } = collector();
    await expect(streamExport(source(), 'csv', sink)).rejects.toThrow('database is locked');
    expect(sink.destroyed).toBe(false);
    expect(sink.writableEnded).toBe(false);
    expect(text()).toBe('');
  });
});
