import { InvalidInput, NotFound, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';
import { given } from '../testing/given-when-then';
import { integrationDecider as decider } from './integration.decider';
import { IntegrationEvent } from './integration.events';

const by: Initiator = { memberId: 'm-1', role: 'msp_admin', mspId: 'msp-1' };
const service: Initiator = { memberId: 'splunk-pusher', role: 'service', mspId: 'msp-1' };
const other: Initiator = { memberId: 'm-9', role: 'msp_owner', mspId: 'msp-2' };
const integrationId = 'int-1';
const settings = { url: 'https://splunk.example.com:8088', index: 'audit' };
const ref = { integrationId, kind: 'splunk' as const, name: 'Splunk' };
const hecToken = '3f9a1c77-0b6e-4d2a-9c41-5e8d7a60wxyz'.replace('wxyz', 'abcd');
const secretVersion = '0190a7e2-0000-7000-8000-000000000001';
const rotatedVersion = '0190a7e2-0000-7000-8000-000000000002';

const setUp: IntegrationEvent = {
  type: 'IntegrationSetUp',
  data: { ...ref, mspId: 'msp-1', settings, secretLast4: 'abcd', secretVersion },
};
const disconnected: IntegrationEvent = { type: 'IntegrationDisconnected', data: ref };

describe('Integration decider', () => {
  describe('SetUpIntegration', () => {
    const command = { type: 'SetUpIntegration' as const, integrationId, kind: 'splunk' as const, name: 'Splunk', settings, secret: hecToken, secretVersion, by };

    it('keeps only the last four characters of the secret, and the version it is stored under', () =>
      given(decider).when(command).then([setUp]));
    it('refuses a SIEM integration without a secret: it could never push', () =>
      given(decider).when({ ...command, secret: undefined, secretVersion: undefined }).thenRefuses(InvalidInput, /secret is required for a splunk integration/));
    it('may set up a PSA integration without a secret', () => {
      const psa = { vendor: 'ConnectWise', url: 'https://cw.example.com' };
      given(decider).when({ ...command, kind: 'psa', name: 'CW', settings: psa, secret: undefined, secretVersion: undefined })
        .then([{ type: 'IntegrationSetUp', data: { integrationId, kind: 'psa', name: 'CW', mspId: 'msp-1', settings: psa } }]);
    });
    it('sets up a Microsoft Sentinel integration', () => {
      const sentinel = {
        dataCollectionEndpoint: 'https://dce.ingest.monitor.azure.com', ruleId: `dcr-${'a'.repeat(32)}`, streamName: 'Custom-Audit_CL',
        tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', clientId: '00000000-0000-0000-0000-000000000001',
      };
      given(decider).when({ ...command, kind: 'microsoft_sentinel', name: 'Sentinel', settings: sentinel, secret: 'entra~client.secret-value' })
        .then([{ type: 'IntegrationSetUp', data: { integrationId, kind: 'microsoft_sentinel', name: 'Sentinel', mspId: 'msp-1', settings: sentinel, secretLast4: 'alue', secretVersion } }]);
    });
    it('refuses an HEC token that is not a GUID, without repeating it', () =>
      given(decider).when({ ...command, secret: 'not-a-guid-token' }).thenRefuses(InvalidInput, /^secret must be a Splunk HEC token \(a GUID\)$/));
    it('refuses to set it up twice', () =>
      given(decider, [setUp]).when(command).thenRefuses(Refused, /already exists/));
    it('refuses an initiator without an MSP', () =>
      given(decider).when({ ...command, by: { memberId: 'x', role: 'org_owner', orgId: 'o' } }).thenRefuses(NotFound));
    it('refuses a missing setting, naming it', () =>
      given(decider).when({ ...command, settings: { url: settings.url } }).thenRefuses(InvalidInput, /index is required/));
    it('refuses a setting that is not a non-empty string', () =>
      given(decider).when({ ...command, settings: { ...settings, index: ' ' } }).thenRefuses(InvalidInput, /index must be a non-empty string/));
    it('refuses a setting the kind does not have', () =>
      given(decider).when({ ...command, settings: { ...settings, vendor: 'x' } }).thenRefuses(InvalidInput, /vendor is not a setting/));
    it('refuses a URL that is not https', () =>
      given(decider).when({ ...command, settings: { ...settings, url: 'http://splunk' } }).thenRefuses(InvalidInput, /https URL/));
    it('refuses a secret too short to fingerprint safely', () =>
      given(decider).when({ ...command, secret: 'abc' }).thenRefuses(InvalidInput, /8 to 4096 characters/));
  });

  describe('EditIntegration', () => {
    it('records the previous and new value of each changed field', () =>
      given(decider, [setUp]).when({ type: 'EditIntegration', integrationId, name: 'Splunk EU', settings: { url: settings.url, index: 'soc' }, by })
        .then([{ type: 'IntegrationEdited', data: { ...ref, changes: [
          { field: 'name', previousValue: 'Splunk', newValue: 'Splunk EU' },
          { field: 'settings.index', previousValue: 'audit', newValue: 'soc' },
        ] } }]));
    it('records a rotated secret by its fingerprints only, with the new version', () =>
      given(decider, [setUp]).when({ type: 'EditIntegration', integrationId, secret: '0c8f2a7e-2222-4b1c-8d3e-9f6a5b4c1234', secretVersion: rotatedVersion, by })
        .then([{ type: 'IntegrationEdited', data: { ...ref, changes: [{ field: 'secret', previousValue: 'abcd', newValue: '1234' }], secretVersion: rotatedVersion } }]));
    it('follows the rotated version in its state', () => {
      const rotated: IntegrationEvent = { type: 'IntegrationEdited', data: { ...ref, changes: [{ field: 'secret', previousValue: 'abcd', newValue: '1234' }], secretVersion: rotatedVersion } };
      expect([setUp, rotated].reduce(decider.evolve, decider.initialState)).toMatchObject({ secretLast4: '1234', secretVersion: rotatedVersion });
    });
    it('checks a rotated secret against its kind', () =>
      given(decider, [setUp]).when({ type: 'EditIntegration', integrationId, secret: 'not-a-guid-either', by }).thenRefuses(InvalidInput, /HEC token/));
    it('names itself by its latest name afterwards', () => {
      const renamed: IntegrationEvent = { type: 'IntegrationEdited', data: { ...ref, changes: [{ field: 'name', previousValue: 'Splunk', newValue: 'Splunk EU' }] } };
      given(decider, [setUp, renamed]).when({ type: 'DisconnectIntegration', integrationId, by })
        .then([{ type: 'IntegrationDisconnected', data: { ...ref, name: 'Splunk EU' } }]);
    });
    it('refuses an edit that changes nothing', () =>
      given(decider, [setUp]).when({ type: 'EditIntegration', integrationId, name: 'Splunk', settings: { index: 'audit' }, by })
        .thenRefuses(Refused, /change nothing/));
    it('refuses an unknown setting', () =>
      given(decider, [setUp]).when({ type: 'EditIntegration', integrationId, settings: { ruleId: 'x' }, by }).thenRefuses(InvalidInput, /ruleId/));
    it('refuses to edit a disconnected integration', () =>
      given(decider, [setUp, disconnected]).when({ type: 'EditIntegration', integrationId, name: 'X', by }).thenRefuses(Refused, /disconnected/));
    it('answers not found for an unknown integration', () =>
      given(decider).when({ type: 'EditIntegration', integrationId, name: 'X', by }).thenRefuses(NotFound, /int-1 not found/));
    it('answers not found to another MSP', () =>
      given(decider, [setUp]).when({ type: 'EditIntegration', integrationId, name: 'X', by: other }).thenRefuses(NotFound));
  });

  describe('DisconnectIntegration', () => {
    it('disconnects, with a reason', () =>
      given(decider, [setUp]).when({ type: 'DisconnectIntegration', integrationId, reason: 'moved to Sentinel', by })
        .then([{ type: 'IntegrationDisconnected', data: { ...ref, reason: 'moved to Sentinel' } }]));
    it('is final', () =>
      given(decider, [setUp, disconnected]).when({ type: 'DisconnectIntegration', integrationId, by }).thenRefuses(Refused, /disconnected/));
    it('answers not found to another MSP', () =>
      given(decider, [setUp]).when({ type: 'DisconnectIntegration', integrationId, by: other }).thenRefuses(NotFound));
  });

  describe('syncs', () => {
    it('records a successful sync by a service', () =>
      given(decider, [setUp]).when({ type: 'RecordIntegrationSyncSuccess', integrationId, eventsSent: 250, by: service })
        .then([{ type: 'IntegrationSyncSucceeded', data: { ...ref, eventsSent: 250 } }]));
    it('records a failed sync', () =>
      given(decider, [setUp]).when({ type: 'RecordIntegrationSyncFailure', integrationId, error: 'HEC answered 403', by: service })
        .then([{ type: 'IntegrationSyncFailed', data: { ...ref, error: 'HEC answered 403' } }]));
    it('refuses syncs of a disconnected integration', () => {
      given(decider, [setUp, disconnected]).when({ type: 'RecordIntegrationSyncSuccess', integrationId, eventsSent: 1, by: service }).thenRefuses(Refused, /disconnected/);
      given(decider, [setUp, disconnected]).when({ type: 'RecordIntegrationSyncFailure', integrationId, error: 'x', by: service }).thenRefuses(Refused, /disconnected/);
    });
    it('answers not found to a service of another MSP', () =>
      given(decider, [setUp]).when({ type: 'RecordIntegrationSyncSuccess', integrationId, eventsSent: 1, by: { ...service, mspId: 'msp-2' } }).thenRefuses(NotFound));
    it('answers not found for an unknown integration', () =>
      given(decider).when({ type: 'RecordIntegrationSyncFailure', integrationId, error: 'x', by: service }).thenRefuses(NotFound));
  });
});
