/**
 * Splunk HTTP Event Collector status codes, as documented in "HTTP Event Collector error codes"
 * (code → HTTP status and message). The test server answers with exactly these bodies.
 */
export const HEC_CODES = {
  0: [200, 'Success'],
  1: [403, 'Token disabled'],
  2: [401, 'Token is required'],
  3: [401, 'Invalid authorization'],
  4: [403, 'Invalid token'],
  5: [400, 'No data'],
  6: [400, 'Invalid data format'],
  7: [400, 'Incorrect index'],
  8: [500, 'Internal server error'],
  9: [503, 'Server is busy'],
  10: [400, 'Data channel is missing'],
  11: [400, 'Invalid data channel'],
  12: [400, 'Event field is required'],
  13: [400, 'Event field cannot be blank'],
  14: [400, 'ACK is disabled'],
  15: [400, 'Error in handling indexed fields'],
  16: [400, 'Query string authorization is not enabled'],
  17: [200, 'HEC is healthy'],
} as const satisfies Record<number, readonly [number, string]>;

export type HecCode = keyof typeof HEC_CODES;

export class HecRefusal extends Error {
  constructor(readonly code: HecCode, readonly invalidEventNumber?: number) {
    super(HEC_CODES[code][1]);
  }
}

/**
 * Splits a body of concatenated JSON objects (`{…}{…}` or separated by whitespace), as HEC's
 * /services/collector/event accepts, into parsed objects. Throws HecRefusal(6) at the first
 * thing that is not a whole JSON object, with its 0-based number.
 */
export function parseConcatenatedObjects(text: string): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i])) {
      i += 1;
      continue;
    }
    if (text[i] !== '{') throw new HecRefusal(6, objects.length);
    const end = endOfObject(text, i);
    if (end < 0) throw new HecRefusal(6, objects.length);
    try {
      objects.push(JSON.parse(text.slice(i, end)) as Record<string, unknown>);
    } catch {
      throw new HecRefusal(6, objects.length);
    }
    i = end;
  }
  return objects;
}

/** Index just past the `}` closing the object that starts at `start`, or -1. */
function endOfObject(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') {
      depth -= 1;
      if (depth === 0) return c === '}' ? i + 1 : -1;
    }
  }
  return -1;
}

/** Checks one event object as HEC does; throws HecRefusal with the event's number. */
export function checkHecEvent(event: Record<string, unknown>, n: number, allowedIndexes: readonly string[] | undefined): void {
  if (!('event' in event)) throw new HecRefusal(12, n);
  if (event.event === '' || event.event === null) throw new HecRefusal(13, n);
  if ('time' in event && !isEpochTime(event.time)) throw new HecRefusal(6, n);
  for (const key of ['host', 'source', 'sourcetype', 'index'] as const) {
    if (key in event && typeof event[key] !== 'string') throw new HecRefusal(6, n);
  }
  if (typeof event.index === 'string' && allowedIndexes && !allowedIndexes.includes(event.index)) throw new HecRefusal(7, n);
  if ('fields' in event && !isIndexedFields(event.fields)) throw new HecRefusal(15, n);
}

function isEpochTime(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0;
  return typeof value === 'string' && /^\d+(\.\d+)?$/.test(value);
}

/** `fields` is a flat object of strings (or arrays of strings): HEC refuses nested objects. */
function isIndexedFields(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(
    (v) => typeof v === 'string' || typeof v === 'number' || (Array.isArray(v) && v.every((s) => typeof s === 'string')),
  );
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
