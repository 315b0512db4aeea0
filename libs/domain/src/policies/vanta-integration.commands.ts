import { Initiator } from '../shared/initiator';

export type ConnectVantaIntegration = { type: 'ConnectVantaIntegration'; accountName?: string; by: Initiator };
export type DisconnectVantaIntegration = { type: 'DisconnectVantaIntegration'; reason?: string; by: Initiator };

export type VantaIntegrationCommand = ConnectVantaIntegration | DisconnectVantaIntegration;

export const vantaIntegrationStream = (orgId: string) => `vantaIntegration-${orgId}`;
