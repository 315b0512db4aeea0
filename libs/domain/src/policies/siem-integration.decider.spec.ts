import { InvalidInput, NotFound, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';
import { given } from '../testing/given-when-then';
import { siemIntegrationDecider as decider } from './siem-integration.decider';
import { SiemIntegrationEvent } from './siem-integration.events';

const orgId = 'org-1';
const owner: Initiator = { memberId: 'm-1', role: 'org_owner', orgId, mspId: 'msp-1' };
const service: Initiator = { memberId: 'siem-delivery', role: 'service', orgId };
const otherOrg: Initiator = { memberId: 'm-9', role: 'org_owner', orgId: 'org-2' };
const integrationId = 'int-1';
const settings = { url: 'https://splunk.acme.example:8088', index: 'audit' };
const ref = { integrationId, kind: 'splunk' as const, name: 'SOC' };
const secret = '3f9a1c77-0b6e-4d2a-9c41-5e8d7a60abcd';
const secretVersion = '0190a7e2-0000-7000-8000-000000000001';

const setUp: SiemIntegrationEvent = { type: 'SiemIntegrationSetUp', data: { ...ref, orgId, settings, secretLast4: 'abcd', secretVersion } };
const disconnected: SiemIntegrationEvent = { type: 'SiemIntegrationDisconnected', data: ref };

describe('SIEM integration decider (an organization’s own)', () => {
  const command = { type: 'SetUpSiemIntegration' as const, integrationId, kind: 'splunk' as const, name: 'SOC', settings, secret, secretVersion, by: owner };

  it('sets up for the initiator’s organization, keeping the secret’s fingerprint and version only', () =>
    given(decider).when(command).then([setUp]));
  it('refuses an initiator without an organization, and a second set-up', () => {
    given(decider).when({ ...command, by: { memberId: 'x', role: 'msp_owner', mspId: 'msp-1' } }).thenRefuses(NotFound);
    given(decider, [setUp]).when(command).thenRefuses(Refused, /already exists/);
  });
  it('refuses a kind that does not push, and bad settings', () => {
    given(decider).when({ ...command, kind: 'psa' as never }).thenRefuses(InvalidInput, /splunk or microsoft_sentinel/);
    given(decider).when({ ...command, settings: { url: settings.url } }).thenRefuses(InvalidInput, /index is required/);
  });
  it('edits, rotating the secret by fingerprint and version', () =>
    given(decider, [setUp])
      .when({ type: 'EditSiemIntegration', integrationId, settings: { index: 'soc' }, secret: '0c8f2a7e-2222-4b1c-8d3e-9f6a5b4c1234', secretVersion: '0190a7e2-0000-7000-8000-000000000002', by: owner })
      .then([{ type: 'SiemIntegrationEdited', data: { ...ref, changes: [
        { field: 'settings.index', previousValue: 'audit', newValue: 'soc' },
        { field: 'secret', previousValue: 'abcd', newValue: '1234' },
      ], secretVersion: '0190a7e2-0000-7000-8000-000000000002' } }]));
  it('disconnects for good', () => {
    given(decider, [setUp]).when({ type: 'DisconnectSiemIntegration', integrationId, reason: 'moved', by: owner })
      .then([{ type: 'SiemIntegrationDisconnected', data: { ...ref, reason: 'moved' } }]);
    given(decider, [setUp, disconnected]).when({ type: 'EditSiemIntegration', integrationId, name: 'X', by: owner }).thenRefuses(Refused, /disconnected/);
  });
  it('records syncs of its delivery worker, not once disconnected', () => {
    given(decider, [setUp]).when({ type: 'RecordSiemIntegrationSyncSuccess', integrationId, eventsSent: 12, by: service })
      .then([{ type: 'SiemIntegrationSyncSucceeded', data: { ...ref, eventsSent: 12 } }]);
    given(decider, [setUp]).when({ type: 'RecordSiemIntegrationSyncFailure', integrationId, error: 'HEC code 4', by: service })
      .then([{ type: 'SiemIntegrationSyncFailed', data: { ...ref, error: 'HEC code 4' } }]);
    given(decider, [setUp, disconnected]).when({ type: 'RecordSiemIntegrationSyncSuccess', integrationId, eventsSent: 1, by: service }).thenRefuses(Refused);
  });
  it('answers not found to another organization', () =>
    given(decider, [setUp]).when({ type: 'DisconnectSiemIntegration', integrationId, by: otherOrg }).thenRefuses(NotFound, /int-1 not found/));
});
