import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one JSON shape of every error answer (see HttpErrorFilter), as OpenAPI shows it. */
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
