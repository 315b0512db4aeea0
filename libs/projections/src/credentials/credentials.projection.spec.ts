import { CredentialRecord } from './credentials.store';
import { credentialEvent, testKey } from './credentials.test-events';
import { projectCredentials } from './credentials.projection';

const keyId = '0190a7e2-0000-7000-8000-00000000000a';
const tokenId = '0190a7e2-0000-7000-8000-00000000000b';
const msp = { mspId: 'msp-1' };
const org = { mspId: 'msp-1', orgId: 'org-1' };
const tokenHash = 'ab'.repeat(32);

const project = (...events: Parameters<typeof credentialEvent>[]) =>
  projectCredentials(events.map((args) => credentialEvent(...args)), new Map());

describe('credentials projection', () => {
  it('keeps a generated key’s public half, its MSP and who made it (their member id only)', () => {
    const [record] = project([3n, { type: 'MspApiKeyGenerated', data: { keyId, mspId: 'msp-1', name: 'SIEM', ...testKey('a') } }, msp, 'm-7']);
    expect(record).toEqual<CredentialRecord>({
      id: keyId, kind: 'msp_api_key', mspId: 'msp-1', orgId: null, name: 'SIEM', status: 'active', scope: 'msp', ...testKey('a'),
      tokenHash: null, expiresAt: null, createdBy: 'm-7', createdAt: record.createdAt, rotatedAt: null, revokedAt: null, position: 3n,
    });
    expect(JSON.stringify({ ...record, position: null })).not.toMatch(/ann@|Ann/);
  });

  it('follows a rotation and a revocation, in one batch', () => {
    const [record] = project(
      [3n, { type: 'MspApiKeyGenerated', data: { keyId, mspId: 'msp-1', name: 'SIEM', ...testKey('a') } }, msp],
      [5n, { type: 'MspApiKeyRotated', data: { keyId, name: 'SIEM', ...testKey('b'), previousThumbprint: testKey('a').thumbprint } }, msp],
      [9n, { type: 'MspApiKeyRevoked', data: { keyId, name: 'SIEM' } }, msp],
    );
    expect(record).toMatchObject({ ...testKey('b'), status: 'revoked', position: 9n });
    expect(record.rotatedAt).not.toBeNull();
    expect(record.revokedAt).not.toBeNull();
  });

  it('keeps a token’s hash, scope, expiry and tenant; old tokens without a hash read with the admin view', () => {
    const [owner] = project([4n, { type: 'ActivityLogTokenCreated', data: { orgId: 'org-1', tokenId, name: 'Splunk', scope: 'owner', tokenHash, expiresAt: '2030-01-01T00:00:00.000Z' } }, org]);
    expect(owner).toMatchObject({ kind: 'activity_log_token', mspId: 'msp-1', orgId: 'org-1', scope: 'org_owner', tokenHash, expiresAt: '2030-01-01T00:00:00.000Z' });
    const [legacy] = project([4n, { type: 'ActivityLogTokenCreated', data: { orgId: 'org-1', tokenId, name: 'Old' } }, { orgId: 'org-1' }]);
    expect(legacy).toMatchObject({ scope: 'org_admin', tokenHash: null, mspId: null, status: 'active' });
  });

  it('skips what it applied before, and a revocation of a credential it never saw', () => {
    const created = credentialEvent(4n, { type: 'ActivityLogTokenCreated', data: { orgId: 'org-1', tokenId, name: 'Splunk', scope: 'admin', tokenHash } }, org);
    const [record] = projectCredentials([created], new Map());
    const revokedEarlier = credentialEvent(3n, { type: 'ActivityLogTokenRevoked', data: { orgId: 'org-1', tokenId, name: 'Splunk' } }, org);
    expect(projectCredentials([revokedEarlier], new Map([[tokenId, record]]))).toEqual([]);
    expect(project([2n, { type: 'MspApiKeyRevoked', data: { keyId, name: 'x' } }, msp])).toEqual([]);
  });
});
