import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, Ctx, RequestContext } from '@app/auth';
import { ApiQueryErrors } from '@app/http';
import { ListQueryDto } from '../directories/list-query.dto';
import { ActivityLogTokenListDto, ApiKeyListDto } from './credential-lists.dto';
import { CredentialListsService } from './credential-lists.service';

/** Integrations → the MSP's API keys; Policies and Integrations → the organization's Activity Log tokens. */
@ApiTags('API access')
@ApiBearerAuth()
@ApiQueryErrors()
@Controller()
export class CredentialListsController {
  constructor(private readonly lists: CredentialListsService) {}

  @Get('api-keys')
  @Authorize('ListMspApiKeys')
  @ApiOperation({ summary: 'The MSP’s API keys: status, thumbprint, last use (MSP owners and admins)' })
  @ApiOkResponse({ type: ApiKeyListDto })
  apiKeys(@Query() query: ListQueryDto, @Ctx() ctx: RequestContext): Promise<ApiKeyListDto> {
    return this.lists.apiKeys(ctx.principal, query);
  }

  @Get('org/activity-log-tokens')
  @Authorize('ListActivityLogTokens')
  @ApiOperation({ summary: 'The organization’s Activity Log tokens: scope, expiry, status, last use (owners and admins)' })
  @ApiOkResponse({ type: ActivityLogTokenListDto })
  activityLogTokens(@Query() query: ListQueryDto, @Ctx() ctx: RequestContext): Promise<ActivityLogTokenListDto> {
    return this.lists.activityLogTokens(ctx.principal, query);
  }
}
