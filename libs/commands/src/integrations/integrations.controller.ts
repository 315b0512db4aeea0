import { Body } from '@nestjs/common';
import { checkSettings, integrationStream } from '@app/domain';
import { Ctx, RequestContext } from '@app/auth';
import { UuidParam } from '@app/http';
import { CommandController, CommandRoute } from '../shared/command-route.decorator';
import { NewId } from '../shared/idempotency/derived-ids';
import {
  DisconnectIntegrationDto, EditIntegrationDto, IntegrationSyncFailedDto, IntegrationSyncSucceededDto, SetUpIntegrationDto,
} from './integration.dto';
import { IntegrationSecretWriter } from './integration-secret-writer';

const IntegrationId = () => UuidParam('integrationId');

/**
 * Integrations: the SIEM, PSA and RMM connections an MSP sets up, and the outcome of each sync. A
 * secret is stored sealed (before the command runs) and the command carries its version; the
 * event and the answer keep only its last four characters. With an Idempotency-Key, a retry
 * derives the same version, so it writes no second copy.
 */
@CommandController('integrations', 'Integrations')
export class IntegrationsController {
  constructor(private readonly secrets: IntegrationSecretWriter) {}

  @CommandRoute('POST', '', { command: 'SetUpIntegration', status: 201, summary: 'Set up an integration' })
  async setUp(@Body() body: SetUpIntegrationDto, @NewId() integrationId: string, @NewId('secret') secretVersion: string) {
    checkSettings(body.kind, body.settings ?? {});
    return { integrationId, ...body, ...(await this.secrets.forSetUp(integrationId, body.kind, body.secret, secretVersion)) };
  }

  @CommandRoute('POST', ':integrationId/edit', { command: 'EditIntegration', status: 200, summary: 'Edit an integration (a new secret rotates it)' })
  async edit(@IntegrationId() integrationId: string, @Body() body: EditIntegrationDto, @Ctx() ctx: RequestContext, @NewId('secret') secretVersion: string) {
    const ownedBy = (setUp: { data: Record<string, unknown> }) => setUp.data.mspId === ctx.principal.mspId;
    const stored = await this.secrets.forEdit(integrationStream(integrationId), integrationId, ownedBy, body.secret, secretVersion);
    return { integrationId, ...body, ...stored };
  }

  @CommandRoute('POST', ':integrationId/disconnect', {
    command: 'DisconnectIntegration', status: 200, summary: 'Disconnect an integration',
  })
  disconnect(@IntegrationId() integrationId: string, @Body() body: DisconnectIntegrationDto) {
    return { integrationId, reason: body.reason };
  }

  @CommandRoute('POST', ':integrationId/sync-succeeded', {
    command: 'RecordIntegrationSyncSuccess', status: 200, summary: 'Record a successful sync',
  })
  syncSucceeded(@IntegrationId() integrationId: string, @Body() body: IntegrationSyncSucceededDto) {
    return { integrationId, eventsSent: body.eventsSent };
  }

  @CommandRoute('POST', ':integrationId/sync-failed', {
    command: 'RecordIntegrationSyncFailure', status: 200, summary: 'Record a failed sync',
  })
  syncFailed(@IntegrationId() integrationId: string, @Body() body: IntegrationSyncFailedDto) {
    return { integrationId, error: body.error };
  }
}
