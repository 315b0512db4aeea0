import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { stringify } from 'csv-stringify';
import {
  ActivityLogQuery, ActivityLogStore, AudienceName, CursorPosition, PresentedEntry, presentEntry, TimeWindow,
} from '@app/projections';
import { RevealerSource } from '@app/privacy';
import { CSV_COLUMNS, ExportFormat, toCsvRecord, toJsonLine } from './export-format';

/** Rows read from the store per keyset page: one page in memory at a time, whatever the export's size. */
export const EXPORT_PAGE_SIZE = 1000;

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
 * Every entry of the query, newest first, presented (and so redacted) for its reader: keyset
 * pages read one after another, the next one only once the consumer has taken the previous
 * one. Stops reading the store as soon as `signal` aborts or the consumer stops iterating.
 */
export async function* exportEntries(source: ExportSource, signal?: AbortSignal): AsyncGenerator<PresentedEntry> {
  const pageSize = source.pageSize ?? EXPORT_PAGE_SIZE;
  let after: CursorPosition | undefined;
  for (;;) {
    // The store reads synchronously and a fast sink drains synchronously too: without a turn
    // of the event loop between pages, one export would keep every other request waiting.
    if (after) await nextTurn();
    if (signal?.aborted) return;
    const rows = await source.store.query({ ...source.query, window: source.window, after, limit: pageSize });
    const reveal = await source.personalData.revealerFor(rows);
    for (const row of rows) {
      if (signal?.aborted) return;
      yield presentEntry(row, source.audience, reveal);
    }
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1];
    after = { occurredAt: last.occurredAt, position: last.position };
  }
}

/**
 * Streams the export into `sink` (an HTTP response, or the benchmark's counting sink) with
 * backpressure: the store is read only as fast as the sink drains. CSV goes through
 * csv-stringify's streaming API with a header row; JSON Lines is one JSON object per line.
 * Resolves with the number of rows once the sink has finished; rejects (and stops reading)
 * if the sink closes early, `signal` aborts or the store fails.
 */
export async function streamExport(
  source: ExportSource, format: ExportFormat, sink: Writable, signal?: AbortSignal,
): Promise<ExportResult> {
  let rows = 0;
  const entries = exportEntries(source, signal);
  // The first page is read before anything is piped: a store failure there leaves the sink
  // untouched, so that an HTTP caller can still answer with an ordinary JSON error.
  const first = await entries.next();
  async function* counted<T>(map: (entry: PresentedEntry) => T): AsyncGenerator<T> {
    if (first.done) return;
    rows += 1;
    yield map(first.value);
    for await (const entry of entries) {
      rows += 1;
      yield map(entry);
    }
  }
  try {
    if (format === 'csv') {
      // RFC 4180: CRLF between records, and any cell holding a line break is quoted (csv-stringify
      // would otherwise quote only the record delimiter itself).
      const csv = stringify({ header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows', quoted_match: /[\r\n]/ });
      await pipeline(Readable.from(counted(toCsvRecord)), csv, sink, { signal });
    } else {
      await pipeline(Readable.from(counted(toJsonLine), { objectMode: false }), sink, { signal });
    }
  } finally {
    await entries.return(undefined); // however the pipeline ended, no more pages are read
  }
  return { rows };
}
