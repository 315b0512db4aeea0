import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@app/config';
import { JwtVerifier } from './jwt-verifier';
import { mintToken } from './token-minter';

describe('mintToken and JwtVerifier', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'auth-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('in embedded mode, signs with a generated secret kept owner-only in DATA_DIR, which the API verifies', async () => {
    const config = loadConfig({ DATA_DIR: dir });
    const token = await mintToken(config, { subject: 'm-1', role: 'msp_owner', mspId: 'msp-1', email: 'a@b.example' });
    expect(statSync(join(dir, 'dev-jwt-secret')).mode & 0o777).toBe(0o600);
    await expect(new JwtVerifier(loadConfig({ DATA_DIR: dir })).verify(token)).resolves.toEqual({
      subject: 'm-1', role: 'msp_owner', mspId: 'msp-1', email: 'a@b.example', name: undefined, orgId: undefined,
    });
  });

  it('checks issuer and audience when configured', async () => {
    const base = { DATA_DIR: dir, AUTH_JWT_SECRET: 'x'.repeat(40) };
    const token = await mintToken(loadConfig({ ...base, AUTH_JWT_ISSUER: 'panel' }), { subject: 'm', role: 'org_admin', orgId: 'o' });
    await expect(new JwtVerifier(loadConfig({ ...base, AUTH_JWT_ISSUER: 'other' })).verify(token)).rejects.toThrow(
      "token claim 'iss' is not accepted",
    );
  });

  it('refuses a token without a tenant or with an unknown role', async () => {
    const config = loadConfig({ DATA_DIR: dir });
    await expect(mintToken(config, { subject: 'm', role: 'msp_admin' })).rejects.toThrow('role msp_admin needs an mspId claim');
    const { SignJWT } = await import('jose');
    const secret = new TextEncoder().encode(loadConfig({ DATA_DIR: dir, AUTH_JWT_SECRET: 'y'.repeat(40) }).AUTH_JWT_SECRET!);
    const bad = await new SignJWT({ role: 'root' }).setProtectedHeader({ alg: 'HS256' }).setSubject('m').setExpirationTime('5m').sign(secret);
    await expect(new JwtVerifier(loadConfig({ DATA_DIR: dir, AUTH_JWT_SECRET: 'y'.repeat(40) })).verify(bad)).rejects.toThrow('unknown role');
  });

  it('mints only tokens the API accepts: a lifetime within AUTH_MAX_TOKEN_LIFETIME_S, claims of the right shape', async () => {
    const config = loadConfig({ DATA_DIR: dir, AUTH_MAX_TOKEN_LIFETIME_S: '3600' });
    await expect(mintToken(config, { subject: 'm', role: 'org_admin', orgId: 'o' }, '2h')).rejects.toThrow(
      'expires-in 2h exceeds AUTH_MAX_TOKEN_LIFETIME_S (3600 seconds)',
    );
    await expect(mintToken(config, { subject: 'm', role: 'org_admin', orgId: 'o' }, 'soon')).rejects.toThrow(/number and a unit/);
    await expect(mintToken(config, { subject: 'a b', role: 'org_admin', orgId: 'o' })).rejects.toThrow("token claim 'sub' must be");
    await expect(new JwtVerifier(config).verify(await mintToken(config, { subject: 'm', role: 'org_admin', orgId: 'o' }, '60m'))).resolves
      .toMatchObject({ subject: 'm' });
  });

  it('verifies RS256 tokens against a PEM public key', async () => {
    const { generateKeyPair, exportSPKI, SignJWT } = await import('jose');
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const config = loadConfig({ DATA_DIR: dir, AUTH_JWT_PUBLIC_KEY: await exportSPKI(publicKey) });
    const token = await new SignJWT({ role: 'service', orgId: 'o-1' }).setProtectedHeader({ alg: 'RS256' }).setSubject('svc').setExpirationTime('5m').sign(privateKey);
    await expect(new JwtVerifier(config).verify(token)).resolves.toMatchObject({ subject: 'svc', role: 'service', orgId: 'o-1' });
    await expect(mintToken(config, { subject: 'm', role: 'service', orgId: 'o' })).rejects.toThrow(/public key/);
  });
});
