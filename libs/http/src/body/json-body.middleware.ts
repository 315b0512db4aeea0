import {
  BadRequestException, HttpException, PayloadTooLargeException, UnsupportedMediaTypeException,
} from '@nestjs/common';
import { json } from 'body-parser';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { isUtf8 } from 'node:buffer';
import { nestsDeeperThan } from './json-depth';

export interface JsonBodyOptions {
  /** The most bytes a body may have once decompressed (a gzip bomb stops here too). */
  limitBytes: number;
  /** The deepest nesting of objects and arrays accepted, checked before parsing. */
  maxDepth: number;
}

export const MAX_BODY_DEPTH = 32;

const ACCEPTED_ENCODINGS = new Set(['identity', 'gzip', 'deflate']);
const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json$/;

/**
 * The only body parser of the API: JSON objects, UTF-8, at most `limitBytes` once decompressed
 * and `maxDepth` levels deep. Every other body answers 4xx with a message that never quotes
 * it: 415 for another media type, charset or content encoding, 413 when too large, 400 when it
 * is not JSON, not UTF-8, too deep or a corrupt compressed stream.
 */
export function jsonBody(options: JsonBodyOptions): RequestHandler {
  const parse = json({
    limit: options.limitBytes,
    inflate: true,
    strict: true,
    type: () => true, // the media type was checked already
    verify: (_req, _res, raw) => verifyRaw(raw, options.maxDepth),
  });
  // Named like body-parser's own, so NestJS does not add its default JSON parser after this one.
  return function jsonParser(req: Request, res: Response, next: NextFunction) {
    // readableEnded: a route's own parser (formBody) has read it already.
    if (!hasBody(req) || req.readableEnded) return next();
    const refusal = mediaTypeRefusal(req) ?? encodingRefusal(req);
    if (refusal) return next(refusal);
    parse(req, res, (error?: unknown) => next(error === undefined ? undefined : asHttpError(error, options.limitBytes)));
  };
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function mediaTypeRefusal(req: Request): HttpException | undefined {
  const [type, ...parameters] = (req.headers['content-type'] ?? '').split(';').map((p) => p.trim().toLowerCase());
  if (!JSON_MEDIA_TYPE.test(type)) {
    return new UnsupportedMediaTypeException('Request bodies must be JSON: send Content-Type: application/json');
  }
  const charset = parameters.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    return new UnsupportedMediaTypeException('Request bodies must be UTF-8 JSON (charset=utf-8)');
  }
  return undefined;
}

function encodingRefusal(req: Request): HttpException | undefined {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (ACCEPTED_ENCODINGS.has(encoding)) return undefined;
  return new UnsupportedMediaTypeException('Content-Encoding must be gzip, deflate or identity');
}

/** Thrown by `verify`, before parsing: carries the answer to give (body-parser passes the error itself on). */
class RawBodyRefused extends Error {
  constructor(readonly answer: HttpException) {
    super(answer.message);
  }
}

function verifyRaw(raw: Buffer, maxDepth: number): void {
  if (!isUtf8(raw)) throw new RawBodyRefused(new BadRequestException('The request body is not valid UTF-8'));
  if (nestsDeeperThan(raw, maxDepth)) {
    throw new RawBodyRefused(new BadRequestException(`The request body nests objects or arrays deeper than ${maxDepth} levels`));
  }
}

/**
 * body-parser's errors as answers. Their own messages can quote the body (JSON.parse does), so
 * none is passed on; errors without a 4xx status are not the client's and stay 500s.
 */
function asHttpError(error: unknown, limitBytes: number): unknown {
  if (error instanceof RawBodyRefused) return error.answer;
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  switch (type) {
    case 'entity.too.large':
      return new PayloadTooLargeException(`The request body must not exceed ${limitBytes} bytes (decompressed)`);
    case 'entity.parse.failed':
      return new BadRequestException('The request body is not valid JSON (an object or array is expected)');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new UnsupportedMediaTypeException('Request bodies must be UTF-8 JSON, identity, gzip or deflate encoded');
    case 'request.aborted':
      return new BadRequestException('The request was aborted before its body was read');
    case 'request.size.invalid':
      return new BadRequestException('The request body does not have the length its Content-Length says');
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new BadRequestException('The request body could not be read (a corrupt or truncated compressed body?)');
  }
  return error;
}
