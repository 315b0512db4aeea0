import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { stringify } from 'csv-stringify/sync';
import {
  ActivityLogQuery, ActivityLogStore, AudienceName, CursorPosition, PresentedEntry, presentEntry, TimeWindow,
} from '@app/projections';
import { RevealerSource } from '@app/privacy';
import { CSV_COLUMNS, ExportFormat, toCsvRecord, toJsonLine } from './export-format';

/**
 * Rows read from the store per keyset page: one page in memory at a time, whatever the export's
 * size. Small on purpose: pages of 200 or more (rows, entries and their text allocated in one
 * synchronous burst) outgrow V8's young generation, get promoted and wait for a full GC, and the
 * export's peak RSS grew by ~100 MiB; at 100 it stays at the floor (bench: export).
 */
export const EXPORT_PAGE_SIZE = 100;

/**
 * What an export reads: a log query already scoped to the principal (its member-email filter
 * resolved), its resolved window and audience, and what reveals each page's personal values.
 */
export interface ExportSource {
  store: ActivityLogStore;
  query: Omit<ActivityLogQuery, 'window' | 'after' | 'limit'>;
  window: TimeWindow;
  audience: AudienceName;
  personalData: RevealerSource;
  pageSize?: number;
}

export interface ExportResult {
  rows: number;
}

/**
 * Every entry of the query, newest first, presented (and so redacted) for its reader, a keyset
 * page at a time: the next page is read only once the consumer has taken the previous one.
 * Stops reading the store as soon as `signal` aborts or the consumer stops iterating.
 */
export async function* exportPages(source: ExportSource, signal?: AbortSignal): AsyncGenerator<PresentedEntry[]> {
  const pageSize = source.pageSize ?? EXPORT_PAGE_SIZE;
  let after: CursorPosition | undefined;
  for (;;) {
    // The store reads synchronously and a fast sink drains synchronously too: without a turn
    // of the event loop between pages, one export would keep every other request waiting.
    if (after) await nextTurn();
    if (signal?.aborted) return;
    const rows = await source.store.query({ ...source.query, window: source.window, after, limit: pageSize });
    if (rows.length > 0) {
      const reveal = await source.personalData.revealerFor(rows);
      yield rows.map((row) => presentEntry(row, source.audience, reveal));
    }
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1];
    after = { occurredAt: last.occurredAt, position: last.position };
  }
}

/** The same entries one by one. */
export async function* exportEntries(source: ExportSource, signal?: AbortSignal): AsyncGenerator<PresentedEntry> {
  for await (const page of exportPages(source, signal)) yield* page;
}

/**
 * Streams the export into `sink` (an HTTP response, or the benchmark's counting sink) with
 * backpressure: the store is read only as fast as the sink drains. Each page becomes one chunk
 * of text (CSV through csv-stringify, with a header row first; JSON Lines one object per line),
 * so there is no promise or stream hop per row and one page is in memory at a time.
 * Resolves with the number of rows once the sink has finished; rejects (and stops reading)
 * if the sink closes early, `signal` aborts or the store fails.
 */
export async function streamExport(
  source: ExportSource, format: ExportFormat, sink: Writable, signal?: AbortSignal,
): Promise<ExportResult> {
  let rows = 0;
  const pages = exportPages(source, signal);
  // The first page is read before anything is piped: a store failure there leaves the sink
  // untouched, so that an HTTP caller can still answer with an ordinary JSON error.
  const first = await pages.next();
  const text = format === 'csv' ? csvPage() : (page: PresentedEntry[]) => page.map(toJsonLine).join('');
  async function* chunks(): AsyncGenerator<string> {
    if (format === 'csv' && first.done) yield text([]); // the header alone
    if (first.done) return;
    for (let page: PresentedEntry[] | undefined = first.value; page; page = (await pages.next()).value || undefined) {
      rows += page.length;
      yield text(page);
    }
  }
  try {
    await pipeline(Readable.from(chunks(), { objectMode: false }), sink, { signal });
  } finally {
    await pages.return(undefined); // however the pipeline ended, no more pages are read
  }
  return { rows };
}

/** Pages as CSV text: the header row before the first page only. */
function csvPage(): (page: PresentedEntry[]) => string {
  let header = true;
  return (page) => {
    // RFC 4180: CRLF between records, and any cell holding a line break is quoted (csv-stringify
    // would otherwise quote only the record delimiter itself).
    const csv = stringify(page.map(toCsvRecord), { header, columns: [...CSV_COLUMNS], record_delimiter: 'windows', quoted_match: /[\r\n]/ });
    header = false;
    return csv;
  };
}
