import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFound } from '@app/domain';
import { Authorize, Ctx, Principal, RequestContext } from '@app/auth';
import { ApiQueryErrors } from '@app/http';
import {
  IntegrationEntry, IntegrationOwnerQuery, INTEGRATIONS_PROJECTOR, INTEGRATIONS_STORE, IntegrationsStore, IntegrationStatus, IntegrationStatusReader,
} from '@app/projections';
import { Freshness } from '../shared/freshness';
import { IntegrationStatusDto, IntegrationStatusListDto, IntegrationStatusQueryDto } from './integration-status.dto';

const LIST_LIMIT = 200;

/**
 * Delivery status of the SIEM integrations, for their owners: an MSP's owners and admins see the
 * MSP's integrations, an organization's owners its own. Another tenant's integration is unknown (404).
 */
@ApiTags('Integrations')
@ApiBearerAuth()
@ApiQueryErrors()
@Controller('integrations')
export class IntegrationStatusController {
  constructor(
    @Inject(INTEGRATIONS_STORE) private readonly integrations: IntegrationsStore,
    private readonly statuses: IntegrationStatusReader,
    private readonly freshness: Freshness,
  ) {}

  @Get('status')
  @Authorize('ReadIntegrationStatus')
  @ApiOperation({ summary: 'Delivery status of every Splunk and Sentinel integration the caller’s tenant owns' })
  @ApiOkResponse({ type: IntegrationStatusListDto })
  async list(@Query() query: IntegrationStatusQueryDto, @Ctx() ctx: RequestContext): Promise<{ items: IntegrationStatus[] }> {
    await this.freshness.ensure(INTEGRATIONS_PROJECTOR, query.minPosition);
    const entries = await this.integrations.list({ owner: ownerOf(ctx.principal), limit: LIST_LIMIT });
    return { items: await this.statuses.statuses(entries) };
  }

  @Get(':integrationId/status')
  @Authorize('ReadIntegrationStatus')
  @ApiOperation({ summary: 'Delivery status of one Splunk or Sentinel integration: state, last success, last error, events behind, bytes sent' })
  @ApiOkResponse({ type: IntegrationStatusDto })
  async one(
    @Param('integrationId', new ParseUUIDPipe()) integrationId: string,
    @Query() query: IntegrationStatusQueryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<IntegrationStatus> {
    await this.freshness.ensure(INTEGRATIONS_PROJECTOR, query.minPosition);
    const entry = await this.integrations.get(integrationId);
    if (!entry || !ownedBy(entry, ctx.principal)) throw new NotFound(`Integration ${integrationId} not found`);
    const [status] = await this.statuses.statuses([entry]);
    if (!status) throw new NotFound(`Integration ${integrationId} pushes nothing: only Splunk and Microsoft Sentinel integrations have a delivery status`);
    return status;
  }
}

/** MSP roles read the MSP's integrations, organization owners their organization's. */
function ownerOf(principal: Principal): IntegrationOwnerQuery {
  return principal.role === 'org_owner' ? { orgId: principal.orgId! } : { mspId: principal.mspId! };
}

function ownedBy(entry: IntegrationEntry, principal: Principal): boolean {
  const owner = ownerOf(principal);
  return entry.owner.type === 'msp' ? entry.owner.mspId === owner.mspId : entry.owner.orgId === owner.orgId;
}


