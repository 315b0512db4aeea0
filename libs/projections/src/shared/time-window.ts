import { InvalidInput } from '@app/domain';

export const DEFAULT_WINDOW_DAYS = 30;
export const MAX_WINDOW_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface TimeWindow {
  from: string;
  to: string;
}

/**
 * The date range of a log query: the last 30 days by default, never more than 90.
 * Bounds are ISO-8601 instants, `from` inclusive and `to` exclusive.
 */
export function resolveWindow(from: string | undefined, to: string | undefined, now = new Date()): TimeWindow {
  const end = to === undefined ? now : parseInstant(to, 'to');
  const start = from === undefined ? new Date(end.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS) : parseInstant(from, 'from');
  if (start.getTime() > end.getTime()) throw new InvalidInput('from must be before to', 'from');
  if (end.getTime() - start.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
    throw new InvalidInput(`the date range must not exceed ${MAX_WINDOW_DAYS} days`, 'from');
  }
  return { from: start.toISOString(), to: end.toISOString() };
}

function parseInstant(value: string, field: string): Date {
  const date = /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:\d\d))?$/.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new InvalidInput(`${field} must be an ISO-8601 date or date-time`, field);
  return date;
}
