import { NotFound, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';
import { given } from '../testing/given-when-then';
import { mspApiKeyDecider as decider } from './msp-api-key.decider';
import { MspApiKeyEvent } from './msp-api-key.events';

const by: Initiator = { memberId: 'm-1', role: 'msp_owner', mspId: 'msp-1' };
const other: Initiator = { memberId: 'm-9', role: 'msp_owner', mspId: 'msp-2' };
const keyId = 'key-1';

const generated: MspApiKeyEvent = { type: 'MspApiKeyGenerated', data: { keyId, mspId: 'msp-1', name: 'SIEM export' } };
const revoked: MspApiKeyEvent = { type: 'MspApiKeyRevoked', data: { keyId, name: 'SIEM export' } };

describe('MSP API key decider', () => {
  it('generates a key for the initiator’s MSP', () =>
    given(decider).when({ type: 'GenerateMspApiKey', keyId, name: 'SIEM export', by }).then([generated]));
  it('refuses to generate the same key twice', () =>
    given(decider, [generated]).when({ type: 'GenerateMspApiKey', keyId, name: 'x', by }).thenRefuses(Refused, /already exists/));
  it('refuses an initiator without an MSP', () =>
    given(decider).when({ type: 'GenerateMspApiKey', keyId, name: 'x', by: { memberId: 'x', role: 'org_owner', orgId: 'o' } }).thenRefuses(NotFound));
  it('revokes a key', () =>
    given(decider, [generated]).when({ type: 'RevokeMspApiKey', keyId, by }).then([revoked]));
  it('refuses to revoke twice', () =>
    given(decider, [generated, revoked]).when({ type: 'RevokeMspApiKey', keyId, by }).thenRefuses(Refused, /already revoked/));
  it('answers not found for an unknown key', () =>
    given(decider).when({ type: 'RevokeMspApiKey', keyId, by }).thenRefuses(NotFound, /key-1 not found/));
  it('answers not found to another MSP', () =>
    given(decider, [generated]).when({ type: 'RevokeMspApiKey', keyId, by: other }).thenRefuses(NotFound));
});
