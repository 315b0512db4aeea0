import {
  integrationDecider, integrationPermissions, integrationStream, mspApiKeyDecider, mspApiKeyPermissions, mspApiKeyStream,
} from '@app/domain';
import { bindDecider, mspTenant } from '../shared/command-binding';

export const integrationBinding = bindDecider(integrationDecider, {
  permissions: integrationPermissions,
  streamId: (c) => integrationStream(c.integrationId),
  aggregateId: (c) => c.integrationId,
  tenant: mspTenant,
});

export const mspApiKeyBinding = bindDecider(mspApiKeyDecider, {
  permissions: mspApiKeyPermissions,
  streamId: (c) => mspApiKeyStream(c.keyId),
  aggregateId: (c) => c.keyId,
  tenant: mspTenant,
});
