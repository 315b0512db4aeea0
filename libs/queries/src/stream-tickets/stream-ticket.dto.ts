import { applyDecorators } from '@nestjs/common';
import { ApiHideProperty, ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** The GET routes a ticket may open: the three live tails and the three exports. */
export const TICKETED_PATH = /^\/(?:activity-log\/(?:msp|business)|organizations\/[^/?#]+\/feed)\/(?:live|export)(?:\?[^#]*)?$/;

export class StreamTicketRequestDto {
  @ApiProperty({
    description:
      'The path and query the ticket opens, exactly as the GET will send them (query order does not matter): a live tail ' +
      '(`…/live`) or an export (`…/export?format=csv`). Any other request with the ticket is refused.',
    example: '/activity-log/msp/live?category=Billing',
    maxLength: 2048,
  })
  @IsString()
  @MaxLength(2048)
  @Matches(TICKETED_PATH, {
    message: 'path must be a live tail or an export of a log, such as /activity-log/msp/live or /organizations/<id>/feed/export?format=csv',
  })
  path: string;
}

export class StreamTicketDto {
  @ApiProperty({ description: 'Single use; add it to the path as `ticket=`', example: 'stk_3q2+…' }) ticket: string;
  @ApiProperty({ format: 'date-time', description: 'Unused after this, it is refused (at most STREAM_TICKET_TTL_SECONDS)' }) expiresAt: string;
  @ApiProperty({ description: 'The path with the ticket added: give it to EventSource or use it as a download link' }) url: string;
}

/**
 * `?ticket=` on the routes that accept one: the guard reads it, the DTO lets it through. OpenAPI
 * describes it once, as the `streamTicket` security scheme beside the bearer token.
 */
export function TicketQueryParam() {
  return applyDecorators(
    ApiHideProperty(),
    IsOptional(),
    IsString(),
    MaxLength(128),
  );
}
