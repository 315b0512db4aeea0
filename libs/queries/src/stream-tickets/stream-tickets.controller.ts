import { BadRequestException, Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Authorize, Ctx, RequestContext, StreamTickets, TICKET_PARAM } from '@app/auth';
import { ErrorBodyDto } from '@app/http';
import { StreamTicketDto, StreamTicketRequestDto } from './stream-ticket.dto';

/** Tickets that let a browser open a live tail (EventSource) or download an export without sending its token in the URL. */
@ApiTags('Activity Log')
@ApiBearerAuth()
@Controller('stream-tickets')
export class StreamTicketsController {
  constructor(private readonly tickets: StreamTickets) {}

  @Post()
  @HttpCode(201)
  @Authorize('IssueStreamTicket')
  @ApiOperation({
    summary: 'A single-use, short-lived ticket for one live tail or export request',
    description:
      'The ticket stands for the caller on one GET of `path` (the same authorization and redaction apply then). A stream it ' +
      'opens still ends when the caller’s token expires. Using it twice, late, or for another path or query answers 401.',
  })
  @ApiCreatedResponse({ type: StreamTicketDto })
  @ApiResponse({ status: 400, description: 'Not a live tail or export path', type: ErrorBodyDto })
  @ApiResponse({ status: 401, description: 'Missing, expired or invalid bearer token', type: ErrorBodyDto })
  @ApiResponse({ status: 403, description: 'The role reads no live tail or export', type: ErrorBodyDto })
  async issue(@Body() body: StreamTicketRequestDto, @Ctx() ctx: RequestContext): Promise<StreamTicketDto> {
    const issued = await this.tickets.issue(ctx.principal, ctx.expiresAt, body.path);
    if (!issued) throw new BadRequestException({ message: 'path must be a plain path and query', fields: { path: ['path must be a plain path and query'] } });
    const separator = body.path.includes('?') ? '&' : '?';
    return { ...issued, url: `${body.path}${separator}${TICKET_PARAM}=${encodeURIComponent(issued.ticket)}` };
  }
}
