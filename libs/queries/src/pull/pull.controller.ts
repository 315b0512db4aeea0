import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, Ctx, RequestContext } from '@app/auth';
import { ApiQueryErrors, RateLimited } from '@app/http';
import { ActivityLogService } from '../activity-log/activity-log.service';
import { PullPageDto, PullQueryDto } from './pull.dto';
import { PullPage, PullService } from './pull.service';

/**
 * The logs for machines (a SIEM polling with its cursor): the same views, scopes and redaction as
 * the log queries, in ingestion order. MSP API keys (access tokens), Activity Log tokens and panel
 * tokens alike; rate-limited per credential.
 */
@ApiTags('Pull API')
@ApiBearerAuth()
@ApiQueryErrors()
@RateLimited()
@Controller('pull')
export class PullController {
  constructor(private readonly logs: ActivityLogService, private readonly pulls: PullService) {}

  @Get('msp')
  @Authorize('ReadMspActivityLog')
  @ApiOperation({ summary: 'The MSP Activity Log, oldest first by ingestion (MSP owners and admins, MSP API keys)' })
  @ApiOkResponse({ type: PullPageDto })
  msp(@Query() query: PullQueryDto, @Ctx() ctx: RequestContext): Promise<PullPage> {
    return this.pulls.pull({ name: 'msp', scoped: this.logs.mspLog(ctx.principal, {}) }, ctx.principal, query);
  }

  @Get('organizations/:organizationId')
  @Authorize('ReadOrganizationFeed')
  @ApiOperation({ summary: 'One organization’s feed, oldest first by ingestion (its owners and admins, its MSP’s, and MSP API keys, with the MSP view)' })
  @ApiOkResponse({ type: PullPageDto })
  async organization(@Param('organizationId') organizationId: string, @Query() query: PullQueryDto, @Ctx() ctx: RequestContext): Promise<PullPage> {
    const scoped = await this.logs.organizationFeed(ctx.principal, organizationId, {});
    return this.pulls.pull({ name: `organization:${organizationId}`, scoped }, ctx.principal, query);
  }

  @Get('business')
  @Authorize('ReadBusinessActivityLog')
  @ApiOperation({ summary: 'The Business Activity Log, oldest first by ingestion (owners and admins, Activity Log tokens with their scope’s view)' })
  @ApiOkResponse({ type: PullPageDto })
  business(@Query() query: PullQueryDto, @Ctx() ctx: RequestContext): Promise<PullPage> {
    return this.pulls.pull({ name: 'business', scoped: this.logs.businessLog(ctx.principal, {}) }, ctx.principal, query);
  }
}
