import { SignJWT } from 'jose';
import { assertionFor, Credentials, ed25519Pem, otherP256Pem, tokenRequest } from './support/api-keys';
import { mspPrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

/** POST /oauth/token: the JWT bearer grant (RFC 7523), and what an access token may then do. */
describe('OAuth token endpoint (RFC 7523 JWT bearer grant)', () => {
  let t: TestApp;
  let admin: string;
  let credentials: Credentials;
  let otherMsp: Credentials;
  const now = () => Math.floor(Date.now() / 1000);

  const exchange = (assertion: string) => tokenRequest(() => t.http(), assertion);
  const refusal = async (assertion: string) => {
    const res = await exchange(assertion);
    return { status: res.status, error: res.body.error, description: res.body.error_description as string };
  };
  const accessToken = async (c = credentials) => (await exchange(await assertionFor(c)).expect(200)).body.access_token as string;

  beforeAll(async () => {
    t = await startTestApp({ API_BASE_URL: 'https://audit.example.com' });
    admin = await t.token(mspPrincipal('msp_admin', 'msp-a'));
    credentials = (await t.command('/api-keys', admin, { name: 'Splunk' })).credentials;
    otherMsp = (await t.command('/api-keys', await t.token(mspPrincipal('msp_owner', 'msp-b')), { name: 'Other' })).credentials;
  });
  afterAll(() => t.close());

  it('exchanges a valid assertion for a short-lived at_ access token, not to be cached', async () => {
    const res = await exchange(await assertionFor(credentials)).expect(200);
    expect(res.body).toEqual({ access_token: expect.stringMatching(/^at_/), token_type: 'Bearer', expires_in: 300 });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(credentials).toMatchObject({ apiBaseUrl: 'https://audit.example.com', audience: 'https://audit.example.com/oauth/token', algorithm: 'ES256' });
  });

  it.each<[string, (c: Credentials) => Promise<string>, RegExp]>([
    ['an expired assertion', (c) => assertionFor(c, { claims: { iat: now() - 900, exp: now() - 300 } }), /expired \('exp'\)/],
    ['an assertion issued in the future', (c) => assertionFor(c, { claims: { iat: now() + 300, exp: now() + 600 } }), /issued in the future \('iat'\)/],
    ['an assertion living over 10 minutes', (c) => assertionFor(c, { claims: { iat: now(), exp: now() + 601 + 60 } }), /at most 600 seconds/],
    ['a wrong audience', (c) => assertionFor(c, { claims: { aud: 'https://other.example.com/oauth/token' } }), /claim 'aud' is not accepted/],
    ['no jti', (c) => assertionFor(c, { claims: { jti: undefined } }), /no 'jti' claim/],
    ['another issuer', (c) => assertionFor(c, { claims: { iss: 'someone-else' } }), /claim 'iss' is not accepted/],
    ['an unknown kid', (c) => assertionFor({ ...c, keyId: '0190a7e2-0000-7000-8000-000000000000' }), /unknown key \('kid'\)/],
    ['a signature by another key', (c) => assertionFor(c, { privateKeyPem: otherP256Pem() }), /signature does not verify/],
    ['the wrong algorithm (EdDSA)', (c) => assertionFor(c, { privateKeyPem: ed25519Pem(), alg: 'EdDSA' }), /must be signed with ES256/],
    [
      'the wrong algorithm (HS256 with the public key as secret)',
      (c) => new SignJWT({ sub: c.mspId, aud: c.audience, jti: 'x' }).setProtectedHeader({ alg: 'HS256', kid: c.keyId }).setIssuer(c.keyId).setIssuedAt().setExpirationTime('5m').sign(new TextEncoder().encode('k'.repeat(32))),
      /must be signed with ES256/,
    ],
    ['a key of another MSP (sub names this MSP, kid the other)', (c) => assertionFor({ ...otherMsp, mspId: c.mspId }), /not the MSP this key belongs to/],
    ['not a JWT at all', async () => 'not-a-jwt', /not a signed JWT/],
  ])('refuses %s with 401 invalid_grant', async (_case, make, reason) => {
    const refused = await refusal(await make(credentials));
    expect(refused).toMatchObject({ status: 401, error: 'invalid_grant' });
    expect(refused.description).toMatch(reason);
  });

  it('refuses a replayed assertion (same jti) with 401, however soon', async () => {
    const assertion = await assertionFor(credentials);
    await exchange(assertion).expect(200);
    const refused = await refusal(assertion);
    expect(refused).toMatchObject({ status: 401, error: 'invalid_grant' });
    expect(refused.description).toMatch(/used before \('jti'\)/);
  });

  it('answers RFC 6749 errors for a bad request: form only, one of each parameter, a known grant', async () => {
    const assertion = await assertionFor(credentials);
    const json = await t.http().post('/oauth/token').send({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }).expect(400);
    expect(json.body).toEqual({ error: 'invalid_request', error_description: expect.stringMatching(/x-www-form-urlencoded/) });
    const twice = await t.http().post('/oauth/token').type('form').send(`grant_type=${encodeURIComponent('urn:ietf:params:oauth:grant-type:jwt-bearer')}&assertion=a&assertion=b`).expect(400);
    expect(twice.body).toEqual({ error: 'invalid_request', error_description: 'assertion must be given once' });
    const password = await t.http().post('/oauth/token').type('form').send({ grant_type: 'password', username: 'u', password: 'p' }).expect(400);
    expect(password.body.error).toBe('unsupported_grant_type');
    const missing = await t.http().post('/oauth/token').type('form').send({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer' }).expect(400);
    expect(missing.body).toEqual({ error: 'invalid_request', error_description: 'assertion is required' });
  });

  it('gives the access token the MSP view of the logs, and no command at all', async () => {
    const token = await accessToken();
    await t.http().get('/activity-log/msp').set('Authorization', `Bearer ${token}`).expect(200);
    await t.http().get('/pull/msp').set('Authorization', `Bearer ${token}`).expect(200);
    const command = await t.http().post('/organizations').set('Authorization', `Bearer ${token}`).send({ name: 'Nope' }).expect(403);
    expect(command.body.message).toMatch(/role msp_api_client may not CreateOrganization/);
    await t.http().post('/api-keys').set('Authorization', `Bearer ${token}`).send({ name: 'More' }).expect(403);
    await t.http().get('/activity-log/business').set('Authorization', `Bearer ${token}`).expect(403);
    await t.http().get('/api-keys').set('Authorization', `Bearer ${token}`).expect(403);
  });

  it('refuses an access token that was edited, or once its key is rotated or revoked', async () => {
    const token = await accessToken();
    const edited = token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const res = await t.http().get('/pull/msp').set('Authorization', `Bearer ${edited}`).expect(401);
    expect(res.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    const { credentials: rotated } = await t.command(`/api-keys/${credentials.keyId}/rotate`, admin);
    expect(rotated.keyId).toBe(credentials.keyId);
    const stale = await t.http().get('/pull/msp').set('Authorization', `Bearer ${token}`).expect(401);
    expect(stale.body.message).toMatch(/rotated/);
    expect((await refusal(await assertionFor(credentials))).description).toMatch(/signature does not verify/);
    const log = await t.query('/activity-log/msp', admin).expect(200);
    expect(log.body.items[0]).toMatchObject({ eventType: 'MspApiKeyRotated', summary: expect.stringMatching(/rotated API key 'Splunk'$/) });
    const fresh = await accessToken(rotated);
    await t.command(`/api-keys/${credentials.keyId}/revoke`, admin);
    const revoked = await t.http().get('/pull/msp').set('Authorization', `Bearer ${fresh}`).expect(401);
    expect(revoked.body.message).toMatch(/revoked/);
    expect(await refusal(await assertionFor(rotated))).toMatchObject({ status: 401, description: 'this key is revoked' });
  });
});
