import type { IncomingMessage, ServerResponse } from 'node:http';
import { v7 as uuidv7 } from 'uuid';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** A caller's id is adopted when it is 1 to 128 visible ASCII characters; anything else is replaced. */
const ACCEPTED = /^[\x21-\x7e]{1,128}$/;

/** The request's id: the caller's X-Request-Id when acceptable, else a new UUID (v7, time-ordered). */
export function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && ACCEPTED.test(value) ? value : uuidv7();
}

/** pino-http's genReqId: picks the id and echoes it in the answer before anything else is sent. */
export function genRequestId(req: IncomingMessage, res: ServerResponse): string {
  const id = requestIdOf(req.headers['x-request-id']);
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}
