import { NotFound, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';
import { given } from '../testing/given-when-then';
import { vantaIntegrationDecider as decider } from './vanta-integration.decider';
import { VantaIntegrationEvent } from './vanta-integration.events';

const orgId = 'org-1';
const by: Initiator = { memberId: 'm-1', role: 'org_owner', orgId };
const other: Initiator = { memberId: 'm-9', role: 'org_owner', orgId: 'org-2' };
const connected: VantaIntegrationEvent = { type: 'VantaIntegrationConnected', data: { orgId, accountName: 'Acme compliance' } };
const disconnected: VantaIntegrationEvent = { type: 'VantaIntegrationDisconnected', data: { orgId, accountName: 'Acme compliance' } };

describe('Vanta integration decider', () => {
  it('connects, naming the Vanta account', () =>
    given(decider).when({ type: 'ConnectVantaIntegration', accountName: 'Acme compliance', by }).then([connected]));
  it('connects again after a disconnection', () =>
    given(decider, [connected, disconnected]).when({ type: 'ConnectVantaIntegration', by })
      .then([{ type: 'VantaIntegrationConnected', data: { orgId } }]));
  it('refuses to connect when connected', () =>
    given(decider, [connected]).when({ type: 'ConnectVantaIntegration', by }).thenRefuses(Refused, /already connected/));
  it('disconnects, with the account name and a reason', () =>
    given(decider, [connected]).when({ type: 'DisconnectVantaIntegration', reason: 'audit done', by })
      .then([{ type: 'VantaIntegrationDisconnected', data: { orgId, accountName: 'Acme compliance', reason: 'audit done' } }]));
  it('refuses to disconnect when not connected', () => {
    given(decider).when({ type: 'DisconnectVantaIntegration', by }).thenRefuses(Refused, /not connected/);
    given(decider, [connected, disconnected]).when({ type: 'DisconnectVantaIntegration', by }).thenRefuses(Refused, /not connected/);
  });
  it('answers not found to another organization or an initiator without one', () => {
    given(decider, [connected]).when({ type: 'DisconnectVantaIntegration', by: other }).thenRefuses(NotFound);
    given(decider).when({ type: 'ConnectVantaIntegration', by: { memberId: 'x', role: 'msp_admin', mspId: 'msp-1' } }).thenRefuses(NotFound);
  });
});
