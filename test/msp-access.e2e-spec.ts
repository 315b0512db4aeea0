import { CLIENT_IP, mspPrincipal, servicePrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

describe('MSP Access over HTTP', () => {
  let t: TestApp;
  let seq = 0;
  let signInService: string; // records sign-ins for msp-a
  let otherSignInService: string; // for msp-b
  let ownerA: string; // invites msp-a's members

  beforeAll(async () => {
    t = await startTestApp();
    signInService = await t.token(servicePrincipal({ mspId: 'msp-a' }));
    otherSignInService = await t.token(servicePrincipal({ mspId: 'msp-b' }));
    ownerA = await openMsp('msp-a', 'olive');
    await openMsp('msp-b', 'bella');
  });
  afterAll(() => t.close());

  const post = (path: string, token?: string, body: object = {}) => {
    const req = t.http().post(path).set('X-Forwarded-For', CLIENT_IP).set('User-Agent', 'e2e-panel');
    return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(body);
  };

  /** An MSP account, created by the sign-up service with its owner: the start of its member list. */
  async function openMsp(mspId: string, ownerId: string): Promise<string> {
    const signUp = await t.token(servicePrincipal({ mspId }, 'sign-up-service'));
    const ownerEmail = `${ownerId}@${mspId}.example`;
    await post('/msp', signUp, { name: mspId.toUpperCase(), ownerMemberId: ownerId, ownerEmail, ownerName: ownerId }).expect(201);
    return t.token(mspPrincipal('msp_owner', mspId, { subject: ownerId, email: ownerEmail }));
  }

  /**
   * A member invited to msp-a (so on its member list), with their own token; `signedIn` records a
   * first sign-in, which opens their stream.
   */
  async function newMember(signedIn = true) {
    const email = `ivy-${++seq}@msp.example`;
    const memberId = (await post('/msp/invitations', ownerA, { email, role: 'msp_member' }).expect(201)).body.id as string;
    const token = await t.token(mspPrincipal('msp_member', 'msp-a', { subject: memberId, email, name: 'Ivy' }));
    if (signedIn) await post(`/msp-members/${memberId}/sign-ins/succeeded`, signInService, { email }).expect(201);
    return { memberId, email, token, stream: `mspMember-msp-a/${memberId}` };
  }
  const lastEvent = async (stream: string) => (await t.events(stream)).at(-1)!;

  describe('sign-ins (sign-in service)', () => {
    it('records a success with the member’s address; the service is the actor', async () => {
      const { memberId, email, stream } = await newMember(false);
      const body = { email, ip: '203.0.113.7', userAgent: 'Firefox/128' };
      const res = await post(`/msp-members/${memberId}/sign-ins/succeeded`, signInService, body).expect(201);
      expect(res.body).toMatchObject({ id: memberId, streamId: stream, revision: '0' });
      expect(res.body.position).toMatch(/^\d+$/);
      const [event] = await t.events(stream);
      expect(event).toMatchObject({
        id: res.body.eventIds[0],
        type: 'MspSignInSucceeded',
        data: { memberId, mspId: 'msp-a', ...body },
        metadata: {
          actor: { type: 'service', id: 'sign-in-service', role: 'service' },
          tenant: { mspId: 'msp-a' },
          client: { ip: CLIENT_IP, userAgent: 'e2e-panel' },
        },
      });
      expect(event.position.toString()).toBe(res.body.position);
    });

    it('records a failure with its reason', async () => {
      const { memberId, email, stream } = await newMember();
      const res = await post(`/msp-members/${memberId}/sign-ins/failed`, signInService, { email, reason: 'mfa_failed' }).expect(201);
      expect(res.body.revision).toBe('1');
      expect(await lastEvent(stream)).toMatchObject({
        type: 'MspSignInFailed',
        data: { memberId, mspId: 'msp-a', email, reason: 'mfa_failed' },
        metadata: { actor: { type: 'service' }, tenant: { mspId: 'msp-a' }, client: { ip: CLIENT_IP } },
      });
    });

    it('answers 400 for a bad reason, address or email, an unknown field or a forged tenant, and writes nothing', async () => {
      const { memberId, email } = await newMember(false);
      const before = await t.store.headPosition();
      const url = `/msp-members/${memberId}/sign-ins/failed`;
      expect((await post(url, signInService, { email, reason: 'bad_luck' }).expect(400)).body.fields.reason).toBeDefined();
      expect((await post(url, signInService, { email, reason: 'wrong_password', ip: 'here' }).expect(400)).body.fields.ip).toBeDefined();
      expect((await post(url, signInService, { email: 'nope', reason: 'wrong_password' }).expect(400)).body.fields.email).toBeDefined();
      const forged = await post(url, signInService, { email, reason: 'wrong_password', mspId: 'msp-b' }).expect(400);
      expect(forged.body.fields.mspId).toEqual(['property mspId should not exist']);
      await post('/msp-members/not%20an%20id/sign-ins/succeeded', signInService, { email }).expect(400);
      expect(await t.store.headPosition()).toBe(before);
    });

    it('answers 401 without a token, 403 to a member, 404 to another MSP’s sign-in service', async () => {
      const { memberId, email, token, stream } = await newMember();
      await post(`/msp-members/${memberId}/sign-ins/succeeded`, undefined, { email }).expect(401);
      await post(`/msp-members/${memberId}/sign-ins/succeeded`, token, { email }).expect(403);
      await post(`/msp-members/${memberId}/sign-ins/failed`, otherSignInService, { email, reason: 'wrong_password' }).expect(404);
      expect(await t.events(stream)).toHaveLength(1);
    });
  });

  describe('password and two-factor (the member themselves)', () => {
    it('records a password change, two-factor enabled and disabled, each as its event', async () => {
      const { memberId, email, token, stream } = await newMember();
      await post(`/msp-members/${memberId}/password/changed`, token).expect(200);
      await post(`/msp-members/${memberId}/two-factor/enable`, token, { method: 'webauthn' }).expect(200);
      const last = await post(`/msp-members/${memberId}/two-factor/disable`, token).expect(200);
      expect(last.body).toMatchObject({ id: memberId, streamId: stream, revision: '3' });
      const events = (await t.events(stream)).slice(1);
      expect(events.map(({ type, data }) => ({ type, data }))).toEqual([
        { type: 'MspPasswordChanged', data: { memberId, email } },
        { type: 'MspTwoFactorEnabled', data: { memberId, email, method: 'webauthn' } },
        { type: 'MspTwoFactorDisabled', data: { memberId, email, method: 'webauthn' } },
      ]);
      for (const event of events) {
        expect(event.metadata).toMatchObject({
          actor: { type: 'member', id: memberId, email, name: 'Ivy', role: 'msp_member' },
          tenant: { mspId: 'msp-a' },
          client: { ip: CLIENT_IP, userAgent: 'e2e-panel' },
        });
      }
    });

    it('answers 409 when two-factor is enabled twice or disabled when off', async () => {
      const { memberId, token } = await newMember();
      expect((await post(`/msp-members/${memberId}/two-factor/disable`, token).expect(409)).body.message)
        .toBe('Two-factor authentication is not enabled');
      await post(`/msp-members/${memberId}/two-factor/enable`, token, { method: 'totp' }).expect(200);
      expect((await post(`/msp-members/${memberId}/two-factor/enable`, token, { method: 'sms' }).expect(409)).body.message)
        .toBe('Two-factor authentication is already enabled (totp)');
    });

    it('answers 400 for a bad method or an unknown field', async () => {
      const { memberId, token, stream } = await newMember();
      expect((await post(`/msp-members/${memberId}/two-factor/enable`, token, { method: 'email' }).expect(400)).body.fields.method).toBeDefined();
      await post(`/msp-members/${memberId}/two-factor/enable`, token, {}).expect(400);
      expect(await t.events(stream)).toHaveLength(1);
    });

    it('refuses a body on a route that takes none: a forged tenant writes nothing', async () => {
      const { memberId, email, token, stream } = await newMember();
      const res = await post(`/msp-members/${memberId}/password/changed`, token, { mspId: 'msp-b', orgId: 'org-x' }).expect(400);
      expect(Object.keys(res.body.fields)).toEqual(['mspId', 'orgId']);
      expect(await t.events(stream)).toHaveLength(1);
      await post(`/msp-members/${memberId}/password/changed`, token).expect(200);
      const event = await lastEvent(stream);
      expect(event.data).toEqual({ memberId, email });
      expect(event.metadata.tenant).toEqual({ mspId: 'msp-a' });
    });

    it('forbids anyone but the member (403), and a service altogether', async () => {
      const { memberId } = await newMember();
      const colleague = await t.token(mspPrincipal('msp_owner', 'msp-a'));
      expect((await post(`/msp-members/${memberId}/password/changed`, colleague).expect(403)).body.message)
        .toBe('Members change only their own sign-in settings');
      await post(`/msp-members/${memberId}/two-factor/enable`, colleague, { method: 'totp' }).expect(403);
      await post(`/msp-members/${memberId}/two-factor/disable`, colleague).expect(403);
      await post(`/msp-members/${memberId}/password/changed`, signInService).expect(403);
      await post(`/msp-members/${memberId}/password/changed`, undefined).expect(401);
    });

    it('answers 404 for a member never signed in, or to the same id in another MSP', async () => {
      const fresh = await newMember(false);
      await post(`/msp-members/${fresh.memberId}/password/changed`, fresh.token).expect(404);
      const { memberId, email } = await newMember();
      const elsewhere = await t.token(mspPrincipal('msp_member', 'msp-b', { subject: memberId, email }));
      await post(`/msp-members/${memberId}/password/changed`, elsewhere).expect(404);
      await post(`/msp-members/${memberId}/two-factor/enable`, elsewhere, { method: 'totp' }).expect(404);
    });
  });

  describe('tenancy: one MSP cannot lock another’s member out', () => {
    it('refuses a sign-in for a member not on the MSP’s list (404) and leaves the member’s own MSP free to record', async () => {
      const { memberId, email } = await newMember(false);
      const refused = await post(`/msp-members/${memberId}/sign-ins/succeeded`, otherSignInService, { email }).expect(404);
      expect(refused.body.message).toBe(`Member ${memberId} not found in this MSP`);
      const own = await post(`/msp-members/${memberId}/sign-ins/succeeded`, signInService, { email }).expect(201);
      expect(own.body).toMatchObject({ streamId: `mspMember-msp-a/${memberId}`, revision: '0' });
      expect(await t.events(`mspMember-msp-b/${memberId}`)).toEqual([]);
    });

    it('keeps one stream per MSP for the same member id, and records for the MSP’s owner and invitees only', async () => {
      await post('/msp-members/olive/sign-ins/succeeded', signInService, { email: 'olive@msp-a.example' }).expect(201);
      await post('/msp-members/olive/sign-ins/succeeded', otherSignInService, { email: 'olive@msp-a.example' }).expect(404);
      await post('/msp-members/bella/sign-ins/failed', otherSignInService, { email: 'bella@msp-b.example', reason: 'mfa_failed' }).expect(201);
      await post('/msp-members/nobody/sign-ins/succeeded', signInService, { email: 'nobody@msp.example' }).expect(404);
      const revoked = await newMember(false);
      await post(`/msp/invitations/${revoked.memberId}/revoke`, ownerA).expect(200);
      await post(`/msp-members/${revoked.memberId}/sign-ins/succeeded`, signInService, { email: revoked.email }).expect(404);
      expect((await t.events('mspMember-msp-a/olive')).map((e) => e.type)).toEqual(['MspSignInSucceeded']);
      expect((await t.events('mspMember-msp-b/bella')).map((e) => e.type)).toEqual(['MspSignInFailed']);
    });
  });

  it('serves the OpenAPI document with request and response schemas', async () => {
    const res = await t.http().get('/openapi.json').expect(200);
    const failed = res.body.paths['/msp-members/{memberId}/sign-ins/failed'].post;
    expect(failed.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/RecordMspSignInFailureDto');
    expect(failed.responses['201'].content['application/json'].schema.$ref).toBe('#/components/schemas/CommandResultDto');
    expect(res.body.components.schemas.RecordMspSignInFailureDto.required).toEqual(expect.arrayContaining(['email', 'reason']));
    expect(res.body.components.schemas.EnableMspTwoFactorDto.properties.method.enum).toEqual(['totp', 'webauthn', 'sms']);
  });
});
