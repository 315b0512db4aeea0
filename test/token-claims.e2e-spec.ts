import { JWTPayload, SignJWT } from 'jose';
import { startTestApp, TestApp, TEST_JWT_SECRET } from './support/test-app';

const now = () => Math.floor(Date.now() / 1000);

/** A signed token is still input: each claim that is not what the API expects answers 401 and writes nothing. */
describe('token claims over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const sign = (claims: Record<string, unknown>) =>
    new SignJWT({ role: 'msp_owner', mspId: 'msp-1', sub: 'm-1', iat: now(), exp: now() + 600, ...claims } as JWTPayload)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));

  it.each([
    ['sub is an object', { sub: { id: 'x' } }, "token claim 'sub' must be a string"],
    ['sub is a number', { sub: 42 }, "token claim 'sub' must be a string"],
    ['the email is not one', { email: 'x'.repeat(300) }, "token claim 'email' must not exceed 254 characters"],
    ['the name is too long', { name: 'n'.repeat(500) }, "token claim 'name' must not exceed 200 characters"],
    ['mspId is an object', { mspId: { $ne: null } }, "token claim 'mspId' must be a string"],
    ['exp is missing', { exp: undefined }, "token has no 'exp' claim"],
    ['it lives a year', { exp: now() + 365 * 86_400 }, 'token lives longer than the 86400 seconds accepted'],
    ['iat is in the future', { iat: now() + 3600, exp: now() + 7200 }, "token claim 'iat' is in the future"],
  ])('answers 401 when %s, and writes nothing', async (_case, claims, message) => {
    const before = await t.store.headPosition();
    const res = await t.http().post('/organizations').set('Authorization', `Bearer ${await sign(claims)}`).send({ name: 'Acme' }).expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, message: expect.stringContaining(message) });
    expect(await t.store.headPosition()).toBe(before);
  });

  it('answers 401 on queries too', async () => {
    await t.http().get('/activity-log/msp').set('Authorization', `Bearer ${await sign({ sub: 42 })}`).expect(401);
  });

  it('accepts the tokens the test helpers and mint-token make', async () => {
    await t.http().post('/organizations').set('Authorization', `Bearer ${await sign({})}`).send({ name: 'Acme' }).expect(201);
    const minted = await t.token({ subject: 'm-2', role: 'msp_owner', mspId: 'msp-1', email: 'o@msp.example', name: 'O' });
    await t.http().post('/organizations').set('Authorization', `Bearer ${minted}`).send({ name: 'Acme 2' }).expect(201);
  });
});
