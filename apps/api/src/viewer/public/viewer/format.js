import { h } from './dom.js';

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 90;

const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** An instant as a `<time>`: local and readable, the exact ISO value in `datetime`. */
export function time(iso) {
  if (!iso) return '—';
  return h('time', { datetime: iso, title: iso }, TIME.format(new Date(iso)));
}

/** `yyyy-mm-dd` of a local date. */
export function isoDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The default start of a window: 30 days ago, as a date input holds it. */
export const defaultFrom = () => isoDate(new Date(Date.now() - DEFAULT_DAYS * DAY_MS));

/**
 * The query window of two date inputs: `from` at its local midnight, `to` at the end of its day
 * (the API's `to` is exclusive), or unset for "now". An error message when the range is not one
 * the API accepts (over 90 days, or reversed).
 */
export function windowOf(fromDate, toDate) {
  const from = fromDate ? new Date(`${fromDate}T00:00:00`) : undefined;
  const to = toDate ? new Date(new Date(`${toDate}T00:00:00`).getTime() + DAY_MS) : undefined;
  const end = to ?? new Date();
  const start = from ?? new Date(end.getTime() - DEFAULT_DAYS * DAY_MS);
  if (start > end) return { error: 'The start date must be before the end date.' };
  if (end - start > MAX_DAYS * DAY_MS) return { error: `The date range must not exceed ${MAX_DAYS} days.` };
  return { from: from?.toISOString(), to: to?.toISOString() };
}

/** Who did it: the name, with the email beneath when both are known. */
export function person(who) {
  if (!who) return '—';
  const name = who.name ?? who.displayName ?? who.email ?? who.id;
  const email = who.email && who.email !== name ? who.email : undefined;
  return [h('span', { class: 'person-name' }, name), email && h('span', { class: 'person-email' }, email)];
}

/** A role or status as people say it. */
export const words = (value) => (value ? String(value).replace(/_/g, ' ') : '—');
