import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

export class ErrorBodyDto {
  @ApiProperty({ example: 409 }) statusCode: number;
  @ApiProperty({ example: 'Conflict' }) error: string;
  @ApiProperty({ example: "Organization 'Acme' is terminated and cannot be renamed" }) message: string;
  @ApiPropertyOptional({
    description: 'Field-level messages (400 only)',
    example: { name: ['name must be a string'] },
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
  })
  fields?: Record<string, string[]>;
}

/** Documents the error answers every command route can give. */
export function ApiCommandErrors() {
  return applyDecorators(
    ApiResponse({ status: 400, description: 'Invalid input; unknown fields are refused', type: ErrorBodyDto }),
    ApiResponse({ status: 401, description: 'Missing, expired or invalid bearer token', type: ErrorBodyDto }),
    ApiResponse({ status: 403, description: 'The role may not send this command', type: ErrorBodyDto }),
    ApiResponse({ status: 404, description: 'Unknown aggregate (or another tenant’s)', type: ErrorBodyDto }),
    ApiResponse({ status: 409, description: 'Refused transition, invariant or concurrent write', type: ErrorBodyDto }),
    ApiResponse({ status: 422, description: 'Idempotency-Key reused with a different request', type: ErrorBodyDto }),
  );
}
