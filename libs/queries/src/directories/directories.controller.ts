import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, Ctx, RequestContext } from '@app/auth';
import { ApiQueryErrors } from '@app/http';
import { IntegrationListDto, MemberListDto, OrganizationListDto } from './directories.dto';
import { DirectoriesService } from './directories.service';
import { ListQueryDto } from './list-query.dto';

/** What a panel's filters offer: supervised organizations, MSP members, organization members, integrations. No secrets in any of them. */
@ApiTags('Lists')
@ApiBearerAuth()
@ApiQueryErrors()
@Controller()
export class DirectoriesController {
  constructor(private readonly directories: DirectoriesService) {}

  @Get('organizations')
  @Authorize('ListOrganizations')
  @ApiOperation({ summary: 'The organizations the MSP supervises, with their status (MSP owners and admins)' })
  @ApiOkResponse({ type: OrganizationListDto })
  organizations(@Query() query: ListQueryDto, @Ctx() ctx: RequestContext): Promise<OrganizationListDto> {
    return this.directories.supervisedOrganizations(ctx.principal, query);
  }

  @Get('integrations')
  @Authorize('ListIntegrations')
  @ApiOperation({ summary: 'The integrations the caller’s tenant owns, with their status (MSP owners and admins; organization owners)' })
  @ApiOkResponse({ type: IntegrationListDto })
  integrationList(@Query() query: ListQueryDto, @Ctx() ctx: RequestContext): Promise<IntegrationListDto> {
    return this.directories.ownIntegrations(ctx.principal, query);
  }

  @Get('msp/members')
  @Authorize('ListMspMembers')
  @ApiOperation({ summary: 'The MSP’s members and invitations, with role and status (MSP owners and admins)' })
  @ApiOkResponse({ type: MemberListDto })
  mspMembers(@Query() query: ListQueryDto, @Ctx() ctx: RequestContext): Promise<MemberListDto> {
    return this.directories.mspRoster(ctx.principal, query);
  }

  @Get('org/members')
  @Authorize('ListOrgMembers')
  @ApiOperation({ summary: 'The organization’s members and invitations, with role and status (organization owners and admins)' })
  @ApiOkResponse({ type: MemberListDto })
  orgMembers(@Query() query: ListQueryDto, @Ctx() ctx: RequestContext): Promise<MemberListDto> {
    return this.directories.orgRoster(ctx.principal, query);
  }
}
