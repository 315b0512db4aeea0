import { CursorSigner } from '@app/projections';
import { AccessTokens } from './access-tokens';

describe('AccessTokens', () => {
  const signer = new CursorSigner('s'.repeat(40));
  let clock = Date.parse('2026-06-01T10:00:00.000Z');
  const tokens = new AccessTokens(signer, () => clock);

  it('issues at_ tokens that say their key, key pair and expiry, each one different', () => {
    const { token, expiresIn } = tokens.issue('key-1', 'thumb', 300);
    expect(token).toMatch(/^at_c1\.[\w-]+\.[\w-]+$/);
    expect(expiresIn).toBe(300);
    expect(tokens.read(token)).toEqual({ keyId: 'key-1', thumbprint: 'thumb', expiresAt: clock / 1000 + 300 });
    expect(tokens.issue('key-1', 'thumb', 300).token).not.toBe(token);
  });

  it('refuses an expired, edited or foreign token, and a cursor signed with the same key', () => {
    const { token } = tokens.issue('key-1', 'thumb', 60);
    const [prefix, body, mac] = token.split('.');
    const edited = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), k: 'key-2' })).toString('base64url');
    expect(tokens.read(`${prefix}.${edited}.${mac}`)).toBeUndefined();
    expect(tokens.read(`at_${signer.sign({ k: 'key-1', t: 'thumb', e: clock / 1000 + 60 }, '["m-1","msp_owner","msp-1",null]')}`)).toBeUndefined();
    expect(new AccessTokens(new CursorSigner('o'.repeat(40)), () => clock).read(token)).toBeUndefined();
    expect(tokens.read(token.slice(3))).toBeUndefined();
    clock += 60_000;
    expect(tokens.read(token)).toBeUndefined();
  });

  it('still reads tokens signed with a previous secret during a rotation', () => {
    const { token } = new AccessTokens(new CursorSigner('p'.repeat(40)), () => clock).issue('key-1', 'thumb', 60);
    expect(new AccessTokens(new CursorSigner('n'.repeat(40), ['p'.repeat(40)]), () => clock).read(token)?.keyId).toBe('key-1');
  });
});
