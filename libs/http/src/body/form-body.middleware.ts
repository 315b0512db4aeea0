import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { urlencoded } from 'body-parser';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';

/**
 * The body parser of the few routes a standard makes form-encoded (the OAuth token endpoint,
 * RFC 6749 §3.2): flat `name=value` pairs, UTF-8, at most `limitBytes` and 20 parameters. A
 * repeated parameter stays an array for the route to refuse. Any other media type is left to
 * the JSON parser (and so to the route, which says what it expects). Errors never quote the body.
 */
export function formBody(options: { limitBytes: number }): RequestHandler {
  const parse = urlencoded({ extended: false, limit: options.limitBytes, parameterLimit: 20, inflate: false, type: () => true });
  return function formParser(req: Request, res: Response, next: NextFunction) {
    if (!req.is(FORM_MEDIA_TYPE)) return next();
    parse(req, res, (error?: unknown) => next(error === undefined ? undefined : asHttpError(error, options.limitBytes)));
  };
}

function asHttpError(error: unknown, limitBytes: number): unknown {
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  switch (type) {
    case 'entity.too.large':
      return new PayloadTooLargeException(`The request body must not exceed ${limitBytes} bytes`);
    case 'parameters.too.many':
      return new BadRequestException('The form has too many parameters');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new UnsupportedMediaTypeException('Form bodies must be UTF-8 and not compressed');
  }
  if (typeof status === 'number' && status >= 400 && status < 500) return new BadRequestException('The form body could not be read');
  return error;
}
