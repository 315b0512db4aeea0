import { parseRetryAfter } from '../backoff';
import { HttpAnswer } from '../http-client';
import { parked, retryable, SendParked, SendRetryable } from '../siem-sink.port';

/** What one HEC request came to: accepted (with its ackId when acknowledgement is on), or not. */
export type HecAnswer = { kind: 'accepted'; ackId?: number; acks?: Record<string, boolean> } | SendRetryable | SendParked;

/** HEC codes that name a setting to fix, with the hint that says which. */
const CONFIGURATION_CODES: Record<number, string> = {
  1: 'Splunk refused the token',
  2: 'Splunk wants a token',
  3: 'Splunk refused the authorization header',
  4: 'Splunk refused the token',
  7: 'Splunk refused the index',
  10: 'Splunk wants indexer acknowledgement for this token: turn acknowledgement on in the integration, or off for the token',
  11: 'Splunk refused the acknowledgement channel',
  14: 'indexer acknowledgement is off for this token in Splunk: turn it on there, or off in the integration',
  16: 'Splunk refused query-string authorization',
};

/** HEC codes that mean the data was refused: retrying the same bytes cannot help. */
const DATA_CODES = new Set([5, 6, 12, 13, 15]);

/** Reads an answer of /services/collector/event or /ack into an accepted or failed outcome. */
export function readHecAnswer(answer: HttpAnswer, where: string, index?: string): HecAnswer {
  const body = parseBody(answer.body);
  const code = typeof body?.code === 'number' ? body.code : undefined;
  const text = typeof body?.text === 'string' ? body.text : undefined;
  const label = code === undefined ? `HTTP ${answer.status}` : `HEC code ${code}: ${text ?? 'no text'}`;
  const retryAfterMs = parseRetryAfter(answer.headers['retry-after'] as string | undefined);

  const acks = ackStatuses(body);
  if (answer.status === 200 && body && (code === 0 || (code === undefined && acks))) {
    return { kind: 'accepted', ackId: typeof body.ackId === 'number' ? body.ackId : undefined, acks };
  }
  if (answer.status === 429 || answer.status >= 500 || code === 8 || code === 9) {
    return retryable(`Splunk at ${where} is unavailable (${label})`, retryAfterMs);
  }
  if (code === 7 && index !== undefined) return parked(`${CONFIGURATION_CODES[7]} (${label}): the token may not write to index "${index}"`);
  if (code !== undefined && CONFIGURATION_CODES[code]) return parked(`${CONFIGURATION_CODES[code]} (${label})`);
  if (code !== undefined && DATA_CODES.has(code)) {
    const n = typeof body?.['invalid-event-number'] === 'number' ? `, event ${body['invalid-event-number']} of the batch` : '';
    return parked(`Splunk refused the data (${label}${n})`);
  }
  if (answer.status === 404) return parked(`no HTTP Event Collector at ${where} (404): check the URL`);
  if (answer.status === 413) return parked(`Splunk refused the request as too large (413): lower the batch size or raise max_content_length`);
  return parked(`Splunk at ${where} answered ${answer.status} (${code === undefined ? snippet(answer.body) : label})`);
}

function parseBody(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `{"acks":{"0":true,"1":false}}`, the answer of /services/collector/ack. */
function ackStatuses(body: Record<string, unknown> | undefined): Record<string, boolean> | undefined {
  const acks = body?.acks;
  return typeof acks === 'object' && acks !== null && !Array.isArray(acks) ? (acks as Record<string, boolean>) : undefined;
}

function snippet(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  return text === '' ? 'empty body' : text.slice(0, 120);
}
