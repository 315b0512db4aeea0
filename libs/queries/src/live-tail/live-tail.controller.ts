import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { isMachineRole } from '@app/domain';
import { AcceptsStreamTicket, Authorize, Ctx, RequestContext, STREAM_TICKET_SCHEME } from '@app/auth';
import { ActivityLogService } from '../activity-log/activity-log.service';
import { ApiQueryErrors, ErrorBodyDto } from '@app/http';
import { BusinessLiveQueryDto, FeedLiveQueryDto, MspLiveQueryDto } from './live-tail.dto';
import { LiveTailService, TailReader } from './live-tail.service';
import { resumePosition } from './resume-position';

const LIVE_RESPONSE = {
  description:
    'Server-Sent Events, oldest first: `retry: 2000`, then one `event: activity` message per new log entry, ' +
    '`id` = its global position, `data` = the entry as in the log query; `: keep-alive` comments every 15 s. ' +
    'The server ends the stream with `event: end`, `data: {"reason":"token_expired"}` when the bearer token expires ' +
    '(reconnect with a fresh token and Last-Event-ID) or `{"reason":"server_shutdown"}`.',
  content: { 'text/event-stream': { schema: { type: 'string' } } },
};

const LAST_EVENT_ID = {
  name: 'Last-Event-ID',
  required: false,
  description: 'Resume strictly after this position (sent by EventSource on reconnect); digits only, else 400',
};

/** The three log views as they happen, with the log queries' authorization, scoping, filters and redaction. */
@ApiTags('Activity Log')
@ApiBearerAuth()
@ApiQueryErrors()
@ApiSecurity(STREAM_TICKET_SCHEME)
@ApiHeader(LAST_EVENT_ID)
@ApiResponse({ status: 429, description: 'Too many live tails open for this principal (LIVE_TAIL_MAX_PER_PRINCIPAL)', type: ErrorBodyDto })
@AcceptsStreamTicket()
@Controller()
export class LiveTailController {
  constructor(private readonly logs: ActivityLogService, private readonly tails: LiveTailService) {}

  @Get('activity-log/msp/live')
  @Authorize('ReadMspActivityLog')
  @ApiOperation({ summary: 'Live tail of the MSP Activity Log (MSP owners and admins)' })
  @ApiOkResponse(LIVE_RESPONSE)
  async msp(
    @Query() query: MspLiveQueryDto,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res() res: Response,
  ): Promise<void> {
    const after = resumePosition(lastEventId, query.after);
    await this.tails.stream(this.logs.mspLog(ctx.principal, query), after, res, readerOf(ctx));
  }

  @Get('activity-log/business/live')
  @Authorize('ReadBusinessActivityLog')
  @ApiOperation({ summary: 'Live tail of the Business Activity Log (owners and admins; admins get generic item details)' })
  @ApiOkResponse(LIVE_RESPONSE)
  async business(
    @Query() query: BusinessLiveQueryDto,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res() res: Response,
  ): Promise<void> {
    const after = resumePosition(lastEventId, query.after);
    await this.tails.stream(this.logs.businessLog(ctx.principal, query), after, res, readerOf(ctx));
  }

  @Get('organizations/:organizationId/feed/live')
  @Authorize('ReadOrganizationFeed')
  @ApiOperation({ summary: 'Live tail of one organization’s feed, for its owners and admins and its MSP’s' })
  @ApiOkResponse(LIVE_RESPONSE)
  async feed(
    @Param('organizationId') organizationId: string,
    @Query() query: FeedLiveQueryDto,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Ctx() ctx: RequestContext,
    @Res() res: Response,
  ): Promise<void> {
    const after = resumePosition(lastEventId, query.after);
    await this.tails.stream(await this.logs.organizationFeed(ctx.principal, organizationId, query), after, res, readerOf(ctx));
  }
}

/** Tails are counted per principal (its subject within its tenant) and end when its token expires. */
function readerOf(ctx: RequestContext): TailReader {
  const { subject, mspId, orgId, role } = ctx.principal;
  return { principalKey: JSON.stringify([subject, mspId ?? null, orgId ?? null]), expiresAt: ctx.expiresAt, machine: isMachineRole(role) };
}
