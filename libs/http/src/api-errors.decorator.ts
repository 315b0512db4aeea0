import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from './error-body.dto';

const UNAUTHORIZED = { status: 401, description: 'Missing, expired or invalid bearer token', type: ErrorBodyDto };

/** Documents the error answers every command route can give. */
export function ApiCommandErrors() {
  return applyDecorators(
    ApiResponse({ status: 400, description: 'Invalid input; unknown fields are refused', type: ErrorBodyDto }),
    ApiResponse(UNAUTHORIZED),
    ApiResponse({ status: 403, description: 'The role may not send this command', type: ErrorBodyDto }),
    ApiResponse({ status: 404, description: 'Unknown aggregate (or another tenant’s)', type: ErrorBodyDto }),
    ApiResponse({ status: 409, description: 'Refused transition, invariant or concurrent write', type: ErrorBodyDto }),
    ApiResponse({ status: 422, description: 'Idempotency-Key reused with a different request', type: ErrorBodyDto }),
  );
}

/** Documents the error answers every query route can give. */
export function ApiQueryErrors() {
  return applyDecorators(
    ApiResponse({ status: 400, description: 'Bad filter, unknown parameter, range over 90 days or foreign cursor', type: ErrorBodyDto }),
    ApiResponse(UNAUTHORIZED),
    ApiResponse({ status: 403, description: 'The role may not read this view', type: ErrorBodyDto }),
    ApiResponse({ status: 404, description: 'Unknown organization (or another tenant’s)', type: ErrorBodyDto }),
    ApiResponse({ status: 503, description: 'The view has not reached minPosition in time, or a store is unavailable', type: ErrorBodyDto }),
  );
}
