import { integrationDecider, integrationStream, mspApiKeyDecider, mspApiKeyStream } from '@app/domain';
import { bindDecider, mspTenant } from '../shared/command-binding';

export const integrationBinding = bindDecider(integrationDecider, {
  commands: ['SetUpIntegration', 'EditIntegration', 'DisconnectIntegration', 'RecordIntegrationSyncSuccess', 'RecordIntegrationSyncFailure'],
  streamId: (c) => integrationStream(c.integrationId),
  aggregateId: (c) => c.integrationId,
  tenant: mspTenant,
});

export const mspApiKeyBinding = bindDecider(mspApiKeyDecider, {
  commands: ['GenerateMspApiKey', 'RevokeMspApiKey'],
  streamId: (c) => mspApiKeyStream(c.keyId),
  aggregateId: (c) => c.keyId,
  tenant: mspTenant,
});
