import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JWTPayload, SignJWT } from 'jose';
import { loadConfig } from '@app/config';
import { JwtVerifier } from './jwt-verifier';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const now = () => Math.floor(Date.now() / 1000);

describe('JwtVerifier: every claim is checked', () => {
  let dir: string;
  let verifier: JwtVerifier;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jwt-'));
    verifier = new JwtVerifier(loadConfig({ DATA_DIR: dir, AUTH_JWT_SECRET: SECRET, AUTH_MAX_TOKEN_LIFETIME_S: '3600', AUTH_CLOCK_SKEW_S: '30' }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const valid: JWTPayload = { sub: 'm-1', role: 'msp_owner', mspId: 'msp-1', email: 'olga@msp.example', name: 'Olga Owner' };

  /** Signs `claims` as they are (no defaults added but an exp 5 minutes ahead unless given). */
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT({ exp: now() + 300, ...claims } as JWTPayload).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(SECRET));
  const refusal = async (claims: Record<string, unknown>) => verifier.verify(await sign(claims)).then(() => 'accepted', (e: Error) => e.message);

  it('accepts a well-formed token', async () => {
    await expect(verifier.verify(await sign({ ...valid, iat: now() }))).resolves.toEqual({
      subject: 'm-1', role: 'msp_owner', mspId: 'msp-1', orgId: undefined, email: 'olga@msp.example', name: 'Olga Owner',
    });
  });

  it.each([
    ['sub as an object', { sub: { id: 'x' } }, "token claim 'sub' must be a string"],
    ['sub as a number', { sub: 42 }, "token claim 'sub' must be a string"],
    ['sub missing', { sub: undefined }, "token has no 'sub' claim"],
    ['sub empty', { sub: '' }, "token has no 'sub' claim"],
    ['sub with spaces', { sub: 'olga owner' }, "token claim 'sub' must be 1 to 128 letters"],
    ['sub of 129 characters', { sub: 'x'.repeat(129) }, "token claim 'sub' must not exceed 128 characters"],
    ['email as an array', { email: ['a@b.example'] }, "token claim 'email' must be a string"],
    ['email without @', { email: 'olga' }, "token claim 'email' must be an email address"],
    ['email with a line break', { email: 'olga@msp.example\nx' }, "token claim 'email' must be an email address"],
    ['email of 255 characters', { email: `${'a'.repeat(60)}@${'b'.repeat(190)}.com` }, "token claim 'email' must not exceed 254"],
    ['name as an object', { name: { first: 'Olga' } }, "token claim 'name' must be a string"],
    ['name of 201 characters', { name: 'n'.repeat(201) }, "token claim 'name' must not exceed 200 characters"],
    ['name with control characters', { name: 'Olga\u0007' }, "token claim 'name' must not contain control characters"],
    ['mspId as a number', { mspId: 7 }, "token claim 'mspId' must be a string"],
    ['mspId with a slash', { mspId: 'msp/1' }, "token claim 'mspId' must be 1 to 128"],
    ['orgId of 129 characters', { orgId: 'o'.repeat(129) }, "token claim 'orgId' must not exceed 128"],
    ['an unknown role', { role: 'root' }, "token has an unknown role (claim 'role')"],
    ['role as an array', { role: ['msp_owner'] }, "token has an unknown role (claim 'role')"],
    ['a role of the API’s own keys', { role: 'msp_api_client' }, "token claims a role only API credentials have (claim 'role')"],
    ['a role of Activity Log tokens', { role: 'org_api_token_owner', orgId: 'o-1' }, "token claims a role only API credentials have (claim 'role')"],
    ['no exp', { exp: undefined }, "token has no 'exp' claim"],
    ['exp as a string', { exp: String(now() + 60) }, "token claim 'exp' is not accepted"],
    ['a lifetime over the maximum (iat to exp)', { iat: now(), exp: now() + 3601 + 30 }, 'token lives longer than the 3600 seconds accepted'],
    ['a lifetime over the maximum (no iat)', { exp: now() + 7200 }, 'token lives longer than the 3600 seconds accepted'],
    ['iat in the future', { iat: now() + 120 }, "token claim 'iat' is in the future"],
    ['iat as a string', { iat: 'yesterday' }, "token claim 'iat' is not accepted"],
    ['an expired token', { exp: now() - 120 }, 'token expired'],
  ])('refuses %s (401, naming the claim)', async (_case, claims, message) => {
    expect(await refusal({ ...valid, ...claims })).toContain(message);
  });

  it('tolerates the configured clock skew on iat and nbf, never on exp', async () => {
    expect(await refusal({ ...valid, iat: now() + 20 })).toBe('accepted');
    expect(await refusal({ ...valid, nbf: now() + 20 })).toBe('accepted');
    expect(await refusal({ ...valid, nbf: now() + 120 })).toContain("token claim 'nbf' is not accepted");
    expect(await refusal({ ...valid, exp: now() - 1 })).toBe('token expired');
  });

  it('leaves out empty optional claims instead of refusing them', async () => {
    await expect(verifier.verify(await sign({ ...valid, email: '', name: '' }))).resolves.toMatchObject({ email: undefined, name: undefined });
  });
});
