import { InvalidInput, NotFound, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';
import { given } from '../testing/given-when-then';
import { ApiKeyMaterial } from './api-key-material';
import { mspApiKeyDecider as decider } from './msp-api-key.decider';
import { MspApiKeyEvent } from './msp-api-key.events';

const by: Initiator = { memberId: 'm-1', role: 'msp_owner', mspId: 'msp-1' };
const other: Initiator = { memberId: 'm-9', role: 'msp_owner', mspId: 'msp-2' };
const keyId = 'key-1';
const b64 = (c: string) => c.repeat(43);
const key = (c: string): ApiKeyMaterial => ({ algorithm: 'ES256', publicKey: { kty: 'EC', crv: 'P-256', x: b64(c), y: b64('y') }, thumbprint: b64(c.toUpperCase()) });

const generated: MspApiKeyEvent = { type: 'MspApiKeyGenerated', data: { keyId, mspId: 'msp-1', name: 'SIEM export', ...key('a') } };
const rotated: MspApiKeyEvent = { type: 'MspApiKeyRotated', data: { keyId, name: 'SIEM export', ...key('b'), previousThumbprint: b64('A') } };
const revoked: MspApiKeyEvent = { type: 'MspApiKeyRevoked', data: { keyId, name: 'SIEM export' } };
/** Recorded before the API issued key pairs: no public key. */
const legacy: MspApiKeyEvent = { type: 'MspApiKeyGenerated', data: { keyId, mspId: 'msp-1', name: 'SIEM export' } };

describe('MSP API key decider', () => {
  it('generates a key for the initiator’s MSP, keeping only its public half', () =>
    given(decider).when({ type: 'GenerateMspApiKey', keyId, name: 'SIEM export', key: key('a'), by }).then([generated]));
  it('drops anything but the public JWK members', () =>
    given(decider)
      .when({ type: 'GenerateMspApiKey', keyId, name: 'SIEM export', key: { ...key('a'), publicKey: { ...key('a').publicKey, d: b64('s') } as never }, by })
      .thenRefuses(InvalidInput, /ES256 public key/));
  it('refuses key material that is not an ES256 public key', () => {
    given(decider).when({ type: 'GenerateMspApiKey', keyId, name: 'x', key: { ...key('a'), algorithm: 'EdDSA' as never }, by }).thenRefuses(InvalidInput);
    given(decider).when({ type: 'GenerateMspApiKey', keyId, name: 'x', key: { ...key('a'), thumbprint: 'short' }, by }).thenRefuses(InvalidInput);
  });
  it('refuses to generate the same key twice', () =>
    given(decider, [generated]).when({ type: 'GenerateMspApiKey', keyId, name: 'x', key: key('a'), by }).thenRefuses(Refused, /already exists/));
  it('refuses an initiator without an MSP', () =>
    given(decider).when({ type: 'GenerateMspApiKey', keyId, name: 'x', key: key('a'), by: { memberId: 'x', role: 'org_owner', orgId: 'o' } }).thenRefuses(NotFound));

  it('rotates the key pair behind the key id, naming the thumbprint it replaces', () =>
    given(decider, [generated]).when({ type: 'RotateMspApiKey', keyId, key: key('b'), by }).then([rotated]));
  it('rotates a key recorded before key pairs were issued', () =>
    given(decider, [legacy]).when({ type: 'RotateMspApiKey', keyId, key: key('b'), by })
      .then([{ type: 'MspApiKeyRotated', data: { keyId, name: 'SIEM export', ...key('b'), previousThumbprint: null } }]));
  it('refuses a rotation to the same public key', () =>
    given(decider, [generated]).when({ type: 'RotateMspApiKey', keyId, key: key('a'), by }).thenRefuses(Refused, /already has this public key/));
  it('refuses to rotate a revoked key', () =>
    given(decider, [generated, revoked]).when({ type: 'RotateMspApiKey', keyId, key: key('b'), by }).thenRefuses(Refused, /is revoked/));

  it('revokes a key, rotated or not', () => {
    given(decider, [generated]).when({ type: 'RevokeMspApiKey', keyId, by }).then([revoked]);
    given(decider, [generated, rotated]).when({ type: 'RevokeMspApiKey', keyId, by }).then([revoked]);
  });
  it('refuses to revoke twice', () =>
    given(decider, [generated, revoked]).when({ type: 'RevokeMspApiKey', keyId, by }).thenRefuses(Refused, /is revoked/));
  it('answers not found for an unknown key', () =>
    given(decider).when({ type: 'RevokeMspApiKey', keyId, by }).thenRefuses(NotFound, /key-1 not found/));
  it('answers not found to another MSP', () => {
    given(decider, [generated]).when({ type: 'RevokeMspApiKey', keyId, by: other }).thenRefuses(NotFound);
    given(decider, [generated]).when({ type: 'RotateMspApiKey', keyId, key: key('b'), by: other }).thenRefuses(NotFound);
  });
});
