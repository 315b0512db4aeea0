import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, Ctx, RequestContext } from '@app/auth';
import { ApiQueryErrors, RateLimited } from '@app/http';
import { BusinessLogQueryDto, FeedQueryDto, MspLogQueryDto } from '../shared/log-query.dto';
import { ActivityPageDto } from './activity-log.dto';
import { ActivityLogService, LogPage } from './activity-log.service';

/** The MSP Activity Log, the Business Activity Log and per-organization feeds; newest first. */
@ApiTags('Activity Log')
@ApiBearerAuth()
@ApiQueryErrors()
@RateLimited()
@Controller()
export class ActivityLogController {
  constructor(private readonly logs: ActivityLogService) {}

  @Get('activity-log/msp')
  @Authorize('ReadMspActivityLog')
  @ApiOperation({ summary: 'MSP Activity Log (MSP owners and admins): the six MSP categories' })
  @ApiOkResponse({ type: ActivityPageDto })
  msp(@Query() query: MspLogQueryDto, @Ctx() ctx: RequestContext): Promise<LogPage> {
    return this.logs.page(this.logs.mspLog(ctx.principal, query), ctx.principal);
  }

  @Get('activity-log/business')
  @Authorize('ReadBusinessActivityLog')
  @ApiOperation({ summary: 'Business Activity Log (organization owners and admins; admins see generic item details)' })
  @ApiOkResponse({ type: ActivityPageDto })
  business(@Query() query: BusinessLogQueryDto, @Ctx() ctx: RequestContext): Promise<LogPage> {
    return this.logs.page(this.logs.businessLog(ctx.principal, query), ctx.principal);
  }

  @Get('organizations/:organizationId/feed')
  @Authorize('ReadOrganizationFeed')
  @ApiOperation({ summary: 'All activity of one organization, for its owners and admins and its MSP’s' })
  @ApiOkResponse({ type: ActivityPageDto })
  async feed(
    @Param('organizationId') organizationId: string,
    @Query() query: FeedQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<LogPage> {
    return this.logs.page(await this.logs.organizationFeed(ctx.principal, organizationId, query), ctx.principal);
  }
}
