import { Role } from '../access/roles';
import { IntegrationCommand } from './integration.commands';
import { MspApiKeyCommand } from './msp-api-key.commands';

const managers: Role[] = ['msp_owner', 'msp_admin'];
// The pushers record their own syncs under a service credential scoped to the MSP.
const syncRecorders: Role[] = ['service', 'msp_owner', 'msp_admin'];

export const integrationPermissions: Record<IntegrationCommand['type'], readonly Role[]> = {
  SetUpIntegration: managers,
  EditIntegration: managers,
  DisconnectIntegration: managers,
  RecordIntegrationSyncSuccess: syncRecorders,
  RecordIntegrationSyncFailure: syncRecorders,
};

export const mspApiKeyPermissions: Record<MspApiKeyCommand['type'], readonly Role[]> = {
  GenerateMspApiKey: managers,
  RotateMspApiKey: managers,
  RevokeMspApiKey: managers,
};

export const integrationsPermissions = { ...integrationPermissions, ...mspApiKeyPermissions };
