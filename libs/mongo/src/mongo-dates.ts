/**
 * Read models keep times as BSON dates (so TTL indexes, date operators and BI tools work) while
 * the ports speak ISO-8601 strings. Both sides carry milliseconds, and an instant's order is the
 * same as its canonical string's (what toISOString gives, and what events carry), so keyset
 * pages read the same on either engine.
 */
export function toBsonDate(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an ISO-8601 instant: ${JSON.stringify(iso)}`);
  return date;
}

export function fromBsonDate(date: Date): string {
  return date.toISOString();
}

export function toNullableBsonDate(iso: string | null): Date | null {
  return iso === null ? null : toBsonDate(iso);
}

export function fromNullableBsonDate(date: Date | null): string | null {
  return date === null ? null : fromBsonDate(date);
}
