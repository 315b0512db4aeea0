import { v7 as uuidv7 } from 'uuid';
import { CLIENT_IP, mspPrincipal, orgPrincipal, servicePrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

describe('Policies and Integrations over HTTP', () => {
  let t: TestApp;
  let orgId: string; // supervised by msp-a
  let owner: string;
  let admin: string;
  let member: string;
  let otherOrgOwner: string;

  beforeAll(async () => {
    t = await startTestApp();
    const mspOwner = await t.token(mspPrincipal('msp_owner', 'msp-a'));
    orgId = (await post('/organizations', mspOwner, { name: 'Acme' }).expect(201)).body.id;
    owner = await t.token(orgPrincipal('org_owner', orgId, { subject: 'olive', email: 'olive@acme.example', name: 'Olive Owner' }));
    admin = await t.token(orgPrincipal('org_admin', orgId, { subject: 'adam', email: 'adam@acme.example' }));
    member = await t.token(orgPrincipal('org_member', orgId));
    otherOrgOwner = await t.token(orgPrincipal('org_owner', 'org-b'));
  });
  afterAll(() => t.close());

  function post(path: string, token?: string, body: object = {}) {
    const req = t.http().post(path).set('X-Forwarded-For', CLIENT_IP).set('User-Agent', 'e2e-business-panel');
    return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(body);
  }
  const last = async (streamId: string) => (await t.events(streamId)).at(-1)!;
  const recordedBy = (id: string, role: string) => ({
    actor: { type: 'member', id, role },
    tenant: { mspId: 'msp-a', orgId },
    client: { ip: CLIENT_IP, userAgent: 'e2e-business-panel' },
  });

  describe('policies', () => {
    it('enables a policy with its typed settings, answering the event ids and global position', async () => {
      const res = await post('/org/policies/vault_timeout/enable', owner, { settings: { minutes: 15 } }).expect(200);
      expect(res.body).toMatchObject({ id: orgId, streamId: `policy-${orgId}`, revision: '0' });
      expect(res.body.position).toMatch(/^\d+$/);
      const event = await last(`policy-${orgId}`);
      expect(event).toMatchObject({
        id: res.body.eventIds[0],
        type: 'PolicyEnabled',
        data: { orgId, policyKey: 'vault_timeout', policyName: 'Vault timeout', settings: { minutes: 15 } },
        metadata: { ...recordedBy('olive', 'org_owner'), actor: { type: 'member', id: 'olive', email: 'olive@acme.example', name: 'Olive Owner', role: 'org_owner' } },
      });
      expect(event.position.toString()).toBe(res.body.position);
    });

    it('disables it, then refuses to disable it again or to enable an enabled one (409)', async () => {
      await post('/org/policies/require_mfa/enable', admin).expect(200);
      expect((await post('/org/policies/require_mfa/enable', admin).expect(409)).body.message)
        .toBe("Policy 'Require two-factor authentication' is already enabled");
      await post('/org/policies/require_mfa/disable', admin).expect(200);
      expect(await last(`policy-${orgId}`)).toMatchObject({
        type: 'PolicyDisabled',
        data: { orgId, policyKey: 'require_mfa', policyName: 'Require two-factor authentication' },
        metadata: recordedBy('adam', 'org_admin'),
      });
      await post('/org/policies/require_mfa/disable', admin).expect(409);
    });

    it('answers 400 for an unknown policy key, wrong settings or an unknown field, writing nothing', async () => {
      const before = await t.store.headPosition();
      expect((await post('/org/policies/no_fun/enable', owner).expect(400)).body.fields).toEqual({ policyKey: ["Unknown policy 'no_fun'"] });
      const wrong = await post('/org/policies/password_complexity/enable', owner, { settings: { minLength: 4 } }).expect(400);
      expect(wrong.body.fields['settings.minLength']).toEqual(['minLength must be an integer from 8 to 128']);
      await post('/org/policies/ip_allowlist/enable', owner, { settings: 'everyone' }).expect(400);
      const forged = await post('/org/policies/disable_personal_vault/enable', owner, { orgId: 'org-b' }).expect(400);
      expect(forged.body.fields.orgId).toEqual(['property orgId should not exist']);
      expect(await t.store.headPosition()).toBe(before);
    });

    it('answers 401 without a token and 403 to members and MSP roles', async () => {
      await post('/org/policies/ip_allowlist/enable', undefined, { settings: { ranges: ['10.0.0.0/8'] } }).expect(401);
      await post('/org/policies/ip_allowlist/enable', member, { settings: { ranges: ['10.0.0.0/8'] } }).expect(403);
      await post('/org/policies/ip_allowlist/enable', await t.token(mspPrincipal('msp_owner', 'msp-a')), { settings: { ranges: ['10.0.0.0/8'] } }).expect(403);
    });

    it('keeps each organization’s policies apart: the tenant is the token’s', async () => {
      await post('/org/policies/restrict_sharing_outside_org/enable', otherOrgOwner).expect(200);
      expect(await last('policy-org-b')).toMatchObject({ data: { orgId: 'org-b' }, metadata: { tenant: { orgId: 'org-b' } } });
      await post('/org/policies/restrict_sharing_outside_org/enable', owner).expect(200);
      expect(await last(`policy-${orgId}`)).toMatchObject({ data: { orgId, policyKey: 'restrict_sharing_outside_org' } });
    });
  });

  describe('the Vanta integration', () => {
    it('connects and disconnects, refusing each twice', async () => {
      await post('/org/integrations/vanta/disconnect', owner).expect(409);
      const res = await post('/org/integrations/vanta/connect', owner, { accountName: 'Acme compliance' }).expect(200);
      expect(res.body).toMatchObject({ id: orgId, streamId: `vantaIntegration-${orgId}`, revision: '0' });
      expect(await last(`vantaIntegration-${orgId}`)).toMatchObject({
        id: res.body.eventIds[0],
        type: 'VantaIntegrationConnected',
        data: { orgId, accountName: 'Acme compliance' },
        metadata: recordedBy('olive', 'org_owner'),
      });
      expect((await post('/org/integrations/vanta/connect', admin).expect(409)).body.message).toBe('The Vanta integration is already connected');
      await post('/org/integrations/vanta/disconnect', admin, { reason: 'audit finished' }).expect(200);
      expect(await last(`vantaIntegration-${orgId}`)).toMatchObject({
        type: 'VantaIntegrationDisconnected',
        data: { orgId, accountName: 'Acme compliance', reason: 'audit finished' },
        metadata: recordedBy('adam', 'org_admin'),
      });
      await post('/org/integrations/vanta/disconnect', admin).expect(409);
    });

    it('answers 400, 401 and 403', async () => {
      await post('/org/integrations/vanta/connect', owner, { accountName: 42 }).expect(400);
      await post('/org/integrations/vanta/connect', owner, { apiToken: 'secret' }).expect(400);
      await post('/org/integrations/vanta/connect', undefined).expect(401);
      await post('/org/integrations/vanta/connect', member).expect(403);
      await post('/org/integrations/vanta/connect', await t.token(servicePrincipal({ orgId }))).expect(403);
    });
  });

  describe('Activity Log tokens', () => {
    const create = async (body: object = { name: 'SIEM export' }) =>
      (await post('/org/activity-log-tokens', owner, body).expect(201)).body.id as string;

    it('creates a token with an expiry and revokes it once', async () => {
      const res = await post('/org/activity-log-tokens', owner, { name: 'SIEM export', expiresAt: '2099-01-01T00:00:00Z' }).expect(201);
      const tokenId = res.body.id;
      expect(res.body).toMatchObject({ streamId: `activityLogToken-${tokenId}`, revision: '0' });
      expect(await last(`activityLogToken-${tokenId}`)).toMatchObject({
        id: res.body.eventIds[0],
        type: 'ActivityLogTokenCreated',
        data: { orgId, tokenId, name: 'SIEM export', expiresAt: '2099-01-01T00:00:00.000Z', scope: 'admin', tokenHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
        metadata: recordedBy('olive', 'org_owner'),
      });
      expect(JSON.stringify((await t.events(`activityLogToken-${tokenId}`)).map((e) => [e.data, e.metadata]))).not.toContain(res.body.token);
      await post(`/org/activity-log-tokens/${tokenId}/revoke`, admin).expect(200);
      expect(await last(`activityLogToken-${tokenId}`)).toMatchObject({
        type: 'ActivityLogTokenRevoked',
        data: { orgId, tokenId, name: 'SIEM export' },
        metadata: recordedBy('adam', 'org_admin'),
      });
      expect((await post(`/org/activity-log-tokens/${tokenId}/revoke`, admin).expect(409)).body.message)
        .toBe("Activity Log token 'SIEM export' is already revoked");
    });

    it('answers 400 for a missing name, a bad or past expiry, an unknown field or a malformed id', async () => {
      await post('/org/activity-log-tokens', owner, {}).expect(400);
      await post('/org/activity-log-tokens', owner, { name: 'x', expiresAt: 'tomorrow' }).expect(400);
      const past = await post('/org/activity-log-tokens', owner, { name: 'x', expiresAt: '2001-01-01T00:00:00Z' }).expect(400);
      expect(past.body.fields).toEqual({ expiresAt: ['expiresAt must be in the future'] });
      await post('/org/activity-log-tokens', owner, { name: 'x', orgId: 'org-b' }).expect(400);
      await post('/org/activity-log-tokens', owner, { name: 'x', scope: 'root' }).expect(400);
      await post('/org/activity-log-tokens/not-a-uuid/revoke', admin).expect(400);
    });

    it('answers 404 for an unknown token and for another organization’s', async () => {
      await post(`/org/activity-log-tokens/${uuidv7()}/revoke`, admin).expect(404);
      const tokenId = await create();
      await post(`/org/activity-log-tokens/${tokenId}/revoke`, otherOrgOwner).expect(404);
      expect(await t.events(`activityLogToken-${tokenId}`)).toHaveLength(1);
    });

    it('answers 401 without a token, and 403 to a member and to an admin (only owners hand tokens out)', async () => {
      await post('/org/activity-log-tokens', undefined, { name: 'x' }).expect(401);
      await post('/org/activity-log-tokens', member, { name: 'x' }).expect(403);
      await post('/org/activity-log-tokens', admin, { name: 'x' }).expect(403);
      const tokenId = await create();
      await post(`/org/activity-log-tokens/${tokenId}/revoke`, member).expect(403);
    });
  });

  it('documents the routes with request and response schemas', async () => {
    const res = await t.http().get('/openapi.json').expect(200);
    const body = (path: string) => res.body.paths[path].post.requestBody.content['application/json'].schema.$ref;
    expect(body('/org/activity-log-tokens')).toBe('#/components/schemas/CreateActivityLogTokenDto');
    expect(body('/org/policies/{policyKey}/enable')).toBe('#/components/schemas/EnablePolicyDto');
    expect(res.body.paths['/org/activity-log-tokens/{tokenId}/revoke'].post.responses['200'].content['application/json'].schema.$ref)
      .toBe('#/components/schemas/CommandResultDto');
    expect(res.body.components.schemas.CreateActivityLogTokenDto.required).toEqual(['name']);
  });
});
