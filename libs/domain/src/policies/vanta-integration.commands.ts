import { Role } from '../access/roles';
import { Initiator } from '../shared/initiator';

export type ConnectVantaIntegration = { type: 'ConnectVantaIntegration'; accountName?: string; by: Initiator };
export type DisconnectVantaIntegration = { type: 'DisconnectVantaIntegration'; reason?: string; by: Initiator };

export type VantaIntegrationCommand = ConnectVantaIntegration | DisconnectVantaIntegration;

const managers: Role[] = ['org_owner', 'org_admin'];

export const vantaIntegrationPermissions: Record<VantaIntegrationCommand['type'], readonly Role[]> = {
  ConnectVantaIntegration: managers,
  DisconnectVantaIntegration: managers,
};

export const vantaIntegrationStream = (orgId: string) => `vantaIntegration-${orgId}`;
