import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AUTH_REALM } from '@app/auth';
import { toErrorBody } from '@app/http';
import { OAuthError } from './oauth-errors';

/**
 * Errors of the token endpoint in the shape OAuth clients read (RFC 6749 §5.2), never the API's
 * own: OAuthErrors as they are, other 4xx (a body the parser refused, a rate limit) as
 * `invalid_request` with their status and message, and 5xx as `server_error` (logged).
 */
@Catch()
export class OAuthErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('OAuthToken');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    response.setHeader('Cache-Control', 'no-store');
    if (error instanceof OAuthError) {
      if (error.status === HttpStatus.UNAUTHORIZED) response.setHeader('WWW-Authenticate', `Bearer realm="${AUTH_REALM}"`);
      response.status(error.status).json({ error: error.code, error_description: error.description });
      return;
    }
    const { statusCode, message } = toErrorBody(error);
    if (statusCode >= 500) {
      this.logger.error(error instanceof Error ? error.stack : String(error));
      response.status(statusCode).json({ error: statusCode === 503 ? 'temporarily_unavailable' : 'server_error', error_description: message });
      return;
    }
    response.status(statusCode).json({ error: 'invalid_request', error_description: message });
  }
}
