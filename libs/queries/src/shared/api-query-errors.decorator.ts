import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from '@app/commands';

/** Documents the error answers every query route can give. */
export function ApiQueryErrors() {
  return applyDecorators(
    ApiResponse({ status: 400, description: 'Bad filter, unknown parameter, range over 90 days or foreign cursor', type: ErrorBodyDto }),
    ApiResponse({ status: 401, description: 'Missing, expired or invalid bearer token', type: ErrorBodyDto }),
    ApiResponse({ status: 403, description: 'The role may not read this view', type: ErrorBodyDto }),
    ApiResponse({ status: 404, description: 'Unknown organization (or another tenant’s)', type: ErrorBodyDto }),
    ApiResponse({ status: 503, description: 'The view has not reached minPosition in time', type: ErrorBodyDto }),
  );
}
