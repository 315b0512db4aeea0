import { Body } from '@nestjs/common';
import { UuidParam } from '@app/http';
import { CommandController, CommandRoute } from '../shared/command-route.decorator';
import { NewId } from '../shared/idempotency/derived-ids';
import {
  DisconnectIntegrationDto, EditIntegrationDto, IntegrationSyncFailedDto, IntegrationSyncSucceededDto, SetUpIntegrationDto,
} from './integration.dto';

const IntegrationId = () => UuidParam('integrationId');

/** Integrations: the SIEM, PSA and RMM connections an MSP sets up, and the outcome of each sync. */
@CommandController('integrations', 'Integrations')
export class IntegrationsController {
  @CommandRoute('POST', '', { command: 'SetUpIntegration', status: 201, summary: 'Set up an integration' })
  setUp(@Body() body: SetUpIntegrationDto, @NewId() integrationId: string) {
    return { integrationId, ...body };
  }

  @CommandRoute('POST', ':integrationId/edit', { command: 'EditIntegration', status: 200, summary: 'Edit an integration' })
  edit(@IntegrationId() integrationId: string, @Body() body: EditIntegrationDto) {
    return { integrationId, ...body };
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
