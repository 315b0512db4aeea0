import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, DomainErrorKind, InvalidInput } from '@app/domain';
import {
  EventStoreClosedError, EventStoreUnavailableError, InvalidArgumentError, WrongExpectedRevisionError,
} from '@app/event-store';
import { AuthenticationError, bearerChallenge } from '@app/auth';
import { isMongoUnavailable } from '@app/mongo';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  fields?: Record<string, string[]>;
}

const DOMAIN_STATUS: Record<DomainErrorKind, number> = {
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  forbidden: HttpStatus.FORBIDDEN,
  invalid: HttpStatus.BAD_REQUEST,
};

/** Maps every error to one JSON shape; only unexpected ones are logged, and they say nothing inside. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof HttpException) return fromHttpException(error);
  if (error instanceof DomainError) {
    const named = error instanceof InvalidInput && error.field ? [error.field, ...error.otherFields] : [];
    const fields = named.length > 0 ? Object.fromEntries(named.map((field) => [field, [error.message]])) : undefined;
    return body(DOMAIN_STATUS[error.kind], error.message, fields);
  }
  if (error instanceof AuthenticationError) return body(HttpStatus.UNAUTHORIZED, error.message);
  if (error instanceof WrongExpectedRevisionError) return body(HttpStatus.CONFLICT, error.message);
  if (error instanceof InvalidArgumentError) return body(HttpStatus.BAD_REQUEST, error.message);
  if (error instanceof EventStoreUnavailableError || error instanceof EventStoreClosedError) {
    return body(HttpStatus.SERVICE_UNAVAILABLE, 'The event store is unavailable; try again shortly');
  }
  // Only the read store reaches here from MongoDB: the idempotency interceptor answers for its own.
  if (isMongoUnavailable(error)) return body(HttpStatus.SERVICE_UNAVAILABLE, 'The read store is unavailable; try again shortly');
  return body(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error');
}

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const errorBody = toErrorBody(error);
    if (errorBody.statusCode >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    if (errorBody.statusCode === HttpStatus.UNAUTHORIZED) response.setHeader('WWW-Authenticate', bearerChallenge(error));
    response.status(errorBody.statusCode).json(errorBody);
  }
}

function fromHttpException(error: HttpException): ErrorBody {
  const status = error.getStatus();
  const response = error.getResponse();
  if (typeof response === 'object' && response !== null) {
    const r = response as { message?: unknown; fields?: Record<string, string[]> };
    const message = Array.isArray(r.message) ? r.message.join('; ') : String(r.message ?? error.message);
    return body(status, message, r.fields);
  }
  return body(status, String(response));
}

function body(statusCode: number, message: string, fields?: Record<string, string[]>): ErrorBody {
  const error = HttpStatus[statusCode]?.split('_').map((w) => w[0] + w.slice(1).toLowerCase()).join(' ') ?? 'Error';
  return { statusCode, error, message, ...(fields && { fields }) };
}
