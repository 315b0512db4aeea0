import { Decider } from '../shared/decider';
import { NotFound, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';
import { VantaIntegrationCommand } from './vanta-integration.commands';
import { VantaIntegrationEvent } from './vanta-integration.events';

/** Created by its first connection, which fixes the organization. */
export interface VantaIntegrationState {
  orgId?: string;
  connected: boolean;
  accountName?: string;
}

export const vantaIntegrationDecider: Decider<VantaIntegrationCommand, VantaIntegrationEvent, VantaIntegrationState> = {
  initialState: { connected: false },
  evolve,
  decide,
};

function evolve(state: VantaIntegrationState, event: VantaIntegrationEvent): VantaIntegrationState {
  const { orgId, accountName } = event.data;
  return { orgId: state.orgId ?? orgId, connected: event.type === 'VantaIntegrationConnected', accountName };
}

function decide(command: VantaIntegrationCommand, state: VantaIntegrationState): VantaIntegrationEvent[] {
  const orgId = tenantOf(state, command.by);
  switch (command.type) {
    case 'ConnectVantaIntegration': {
      if (state.connected) throw new Refused('The Vanta integration is already connected');
      const { accountName } = command;
      return [{ type: 'VantaIntegrationConnected', data: { orgId, ...(accountName && { accountName }) } }];
    }
    case 'DisconnectVantaIntegration': {
      if (!state.connected) throw new Refused('The Vanta integration is not connected');
      const { accountName } = state;
      const { reason } = command;
      return [{ type: 'VantaIntegrationDisconnected', data: { orgId, ...(accountName && { accountName }), ...(reason && { reason }) } }];
    }
  }
}

/** The integration of another organization looks like a missing one. */
function tenantOf(state: VantaIntegrationState, by: Initiator): string {
  if (!by.orgId || (state.orgId !== undefined && state.orgId !== by.orgId)) throw new NotFound('Vanta integration not found');
  return by.orgId;
}
