import type { HeaderObject, HeadersObject } from '@nestjs/swagger';

/** Sent on every answer (the caller's own X-Request-Id when it gave a usable one). */
export const REQUEST_ID_HEADER: HeaderObject = {
  description: 'The request’s id: the X-Request-Id sent (1 to 128 visible ASCII characters) or a UUID made up; it is on every log line of the request',
  schema: { type: 'string' },
};

/** Sent on a command's answer replayed for a retried Idempotency-Key. */
export const IDEMPOTENT_REPLAYED_HEADER: HeaderObject = {
  description: '`true` when this is the first answer to this Idempotency-Key, replayed: nothing was written this time',
  schema: { type: 'string', enum: ['true'] },
};

/** Sent on an export: the file name a browser saves it under. */
export const CONTENT_DISPOSITION_HEADER: HeaderObject = {
  description: 'attachment, with the file name: the view and the date, e.g. `attachment; filename="msp-activity-2026-06-01.csv"`',
  schema: { type: 'string' },
};

/** The Idempotency-Key request header of every command route. */
export const IDEMPOTENCY_KEY_PARAMETER = {
  name: 'Idempotency-Key',
  required: false,
  description:
    'Makes a retry safe: the same key (1 to 255 visible ASCII characters, scoped to the caller, kept 24 hours) answers the first ' +
    'result again with `Idempotent-Replayed: true` and writes nothing; the same key with a different request answers 422',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
};

export const commandAnswerHeaders = (): HeadersObject => ({ 'Idempotent-Replayed': IDEMPOTENT_REPLAYED_HEADER });
export const exportAnswerHeaders = (): HeadersObject => ({ 'Content-Disposition': CONTENT_DISPOSITION_HEADER });
