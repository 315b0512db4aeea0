import { BadRequestException } from '@nestjs/common';

const DIGITS = /^\d{1,19}$/;
const MAX_POSITION = 2n ** 63n - 1n;

/**
 * Where a live tail resumes: strictly after `Last-Event-ID` (what an EventSource sends when it
 * reconnects, so it wins over the URL), else after `?after=`, else undefined (live only).
 */
export function resumePosition(lastEventId: string | undefined, after: string | undefined): bigint | undefined {
  if (lastEventId !== undefined) return parsePosition(lastEventId, 'Last-Event-ID');
  if (after !== undefined) return parsePosition(after, 'after');
  return undefined;
}

function parsePosition(value: string, field: string): bigint {
  if (DIGITS.test(value) && BigInt(value) <= MAX_POSITION) return BigInt(value);
  const message = `${field} must be a position: a string of digits, as in the id of an event received`;
  throw new BadRequestException({ message, fields: { [field]: [message] } });
}
