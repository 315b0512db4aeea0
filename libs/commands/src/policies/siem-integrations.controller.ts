import { Body } from '@nestjs/common';
import { checkSettings, siemIntegrationStream } from '@app/domain';
import { Ctx, RequestContext } from '@app/auth';
import { UuidParam } from '@app/http';
import { IntegrationSecretWriter } from '../integrations/integration-secret-writer';
import { CommandController, CommandRoute } from '../shared/command-route.decorator';
import { NewId } from '../shared/idempotency/derived-ids';
import {
  DisconnectSiemIntegrationDto, EditSiemIntegrationDto, SetUpSiemIntegrationDto, SiemIntegrationSyncFailedDto, SiemIntegrationSyncSucceededDto,
} from './siem-integration.dto';

const IntegrationId = () => UuidParam('integrationId');

/**
 * An organization's own SIEM integration (Splunk or Microsoft Sentinel), fed with its Business
 * Activity Log as its owners see it: set up, edited and disconnected by the organization's owners.
 */
@CommandController('org/integrations/siem', 'Policies and Integrations')
export class SiemIntegrationsController {
  constructor(private readonly secrets: IntegrationSecretWriter) {}

  @CommandRoute('POST', '', { command: 'SetUpSiemIntegration', status: 201, summary: 'Set up a SIEM integration for the organization' })
  async setUp(@Body() body: SetUpSiemIntegrationDto, @NewId() integrationId: string, @NewId('secret') secretVersion: string) {
    checkSettings(body.kind, body.settings ?? {});
    return { integrationId, ...body, ...(await this.secrets.forSetUp(integrationId, body.kind, body.secret, secretVersion)) };
  }

  @CommandRoute('POST', ':integrationId/edit', { command: 'EditSiemIntegration', status: 200, summary: 'Edit a SIEM integration (a new secret rotates it)' })
  async edit(@IntegrationId() integrationId: string, @Body() body: EditSiemIntegrationDto, @Ctx() ctx: RequestContext, @NewId('secret') secretVersion: string) {
    const ownedBy = (setUp: { data: Record<string, unknown> }) => setUp.data.orgId === ctx.principal.orgId;
    const stored = await this.secrets.forEdit(siemIntegrationStream(integrationId), integrationId, ownedBy, body.secret, secretVersion);
    return { integrationId, ...body, ...stored };
  }

  @CommandRoute('POST', ':integrationId/disconnect', { command: 'DisconnectSiemIntegration', status: 200, summary: 'Disconnect a SIEM integration' })
  disconnect(@IntegrationId() integrationId: string, @Body() body: DisconnectSiemIntegrationDto) {
    return { integrationId, reason: body.reason };
  }

  @CommandRoute('POST', ':integrationId/sync-succeeded', {
    command: 'RecordSiemIntegrationSyncSuccess', status: 200, summary: 'Record a successful sync (the delivery worker records its own)',
  })
  syncSucceeded(@IntegrationId() integrationId: string, @Body() body: SiemIntegrationSyncSucceededDto) {
    return { integrationId, eventsSent: body.eventsSent };
  }

  @CommandRoute('POST', ':integrationId/sync-failed', {
    command: 'RecordSiemIntegrationSyncFailure', status: 200, summary: 'Record a failed sync (the delivery worker records its own)',
  })
  syncFailed(@IntegrationId() integrationId: string, @Body() body: SiemIntegrationSyncFailedDto) {
    return { integrationId, error: body.error };
  }
}
