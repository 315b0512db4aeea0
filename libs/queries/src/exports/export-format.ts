import { PresentedEntry } from '@app/projections';
import { neutralizeCell } from './neutralize-cell';

export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson',
};

/** The CSV header row, in order: one column per field a spreadsheet user filters on. */
export const CSV_COLUMNS = [
  'occurredAt', 'category', 'action', 'summary', 'initiatorName', 'initiatorEmail', 'initiatorRole', 'ip',
  'organizationId', 'targetType', 'targetId', 'targetName', 'itemId', 'itemType', 'itemName', 'eventType', 'eventId',
  'position',
] as const;

/**
 * One CSV record (cells in CSV_COLUMNS order) of an entry already presented, hence already
 * redacted for its reader. Missing values are empty cells; every cell is neutralised against
 * formula injection.
 */
export function toCsvRecord(e: PresentedEntry): string[] {
  const cells = [
    e.occurredAt, e.category, e.action, e.summary, e.initiator.name, e.initiator.email, e.initiator.role, e.ip,
    e.organizationId, e.target.type, e.target.id, e.target.name, e.item?.id, e.item?.type, e.item?.name, e.eventType, e.id,
    e.position,
  ];
  return cells.map((cell) => neutralizeCell(cell ?? ''));
}

/** One JSON Lines line: the entry exactly as the log query returns it. */
export function toJsonLine(e: PresentedEntry): string {
  return `${JSON.stringify(e)}\n`;
}

/** `msp-activity-20260601T000000Z-20260701T000000Z.csv`: the window in ISO-8601 basic form, safe in any file system. */
export function exportFilename(basename: string, window: { from: string; to: string }, format: ExportFormat): string {
  const compact = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
  const safe = basename.replace(/[^A-Za-z0-9_-]/g, '_');
  return `${safe}-${compact(window.from)}-${compact(window.to)}.${format}`;
}
