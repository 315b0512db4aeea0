import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AcceptsStreamTicket, Authorize, Ctx, RequestContext, STREAM_TICKET_SCHEME } from '@app/auth';
import { ActivityLogService } from '../activity-log/activity-log.service';
import { ApiQueryErrors, exportAnswerHeaders, RateLimited } from '@app/http';
import { CSV_COLUMNS, EXPORT_CONTENT_TYPES } from './export-format';
import { BusinessExportQueryDto, FeedExportQueryDto, MspExportQueryDto } from './export-query.dto';
import { ActivityExportService } from './exports.service';

const EXPORT_RESPONSE = {
  description:
    'The whole query as a download, newest first, streamed. CSV columns: ' +
    `${CSV_COLUMNS.join(', ')}. JSON Lines: one log entry (as in the log query) per line.`,
  content: {
    [EXPORT_CONTENT_TYPES.csv]: { schema: { type: 'string' } },
    [EXPORT_CONTENT_TYPES.jsonl]: { schema: { type: 'string' } },
  },
  headers: exportAnswerHeaders(),
};

/**
 * CSV and JSON Lines exports of the three log views: the same filters, authorization, tenant
 * scoping and redaction as the log queries, streamed so that memory stays flat at any size.
 */
@ApiTags('Activity Log')
@ApiBearerAuth()
@ApiQueryErrors()
@RateLimited()
@ApiSecurity(STREAM_TICKET_SCHEME)
@AcceptsStreamTicket()
@Controller()
export class ExportsController {
  constructor(private readonly logs: ActivityLogService, private readonly exports: ActivityExportService) {}

  @Get('activity-log/msp/export')
  @Authorize('ReadMspActivityLog')
  @ApiOperation({ summary: 'Export the MSP Activity Log (MSP owners and admins) as CSV or JSON Lines' })
  @ApiOkResponse(EXPORT_RESPONSE)
  async msp(@Query() query: MspExportQueryDto, @Ctx() ctx: RequestContext, @Res() res: Response): Promise<void> {
    const prepared = await this.exports.prepare(this.logs.mspLog(ctx.principal, query), query.format, 'msp-activity');
    await this.exports.send(prepared, res);
  }

  @Get('activity-log/business/export')
  @Authorize('ReadBusinessActivityLog')
  @ApiOperation({ summary: 'Export the Business Activity Log (owners and admins; admins get generic item details)' })
  @ApiOkResponse(EXPORT_RESPONSE)
  async business(@Query() query: BusinessExportQueryDto, @Ctx() ctx: RequestContext, @Res() res: Response): Promise<void> {
    const prepared = await this.exports.prepare(this.logs.businessLog(ctx.principal, query), query.format, 'business-activity');
    await this.exports.send(prepared, res);
  }

  @Get('organizations/:organizationId/feed/export')
  @Authorize('ReadOrganizationFeed')
  @ApiOperation({ summary: 'Export one organization’s feed, for its owners and admins and its MSP’s' })
  @ApiOkResponse(EXPORT_RESPONSE)
  async feed(
    @Param('organizationId') organizationId: string,
    @Query() query: FeedExportQueryDto,
    @Ctx() ctx: RequestContext,
    @Res() res: Response,
  ): Promise<void> {
    const scoped = await this.logs.organizationFeed(ctx.principal, organizationId, query);
    const prepared = await this.exports.prepare(scoped, query.format, `organization-${organizationId}-activity`);
    await this.exports.send(prepared, res);
  }
}
