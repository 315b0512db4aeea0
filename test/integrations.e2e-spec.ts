import { v7 as uuidv7 } from 'uuid';
import { CLIENT_IP, mspPrincipal, orgPrincipal, servicePrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

const SECRET = '3f9a1c77-0b6e-4d2a-9c41-5e8d7a60abcd';
const ROTATED = '0c8f2a7e-2222-4b1c-8d3e-9f6a5b4c1234';
const splunk = { kind: 'splunk', name: 'Splunk (SOC)', settings: { url: 'https://splunk.example:8088', index: 'audit' }, secret: SECRET };
const { secret: _, ...splunkWithoutSecret } = splunk;

describe('Integrations over HTTP', () => {
  let t: TestApp;
  let owner: string; // msp_owner of msp-a
  let admin: string; // msp_admin of msp-a
  let member: string; // msp_member of msp-a
  let pusher: string; // service of msp-a
  let otherMsp: string; // msp_owner of msp-b

  beforeAll(async () => {
    t = await startTestApp();
    owner = await t.token(mspPrincipal('msp_owner', 'msp-a', { subject: 'owner-a', email: 'owner@a.example', name: 'Olive Owner' }));
    admin = await t.token(mspPrincipal('msp_admin', 'msp-a'));
    member = await t.token(mspPrincipal('msp_member', 'msp-a'));
    pusher = await t.token(servicePrincipal({ mspId: 'msp-a' }, 'splunk-pusher'));
    otherMsp = await t.token(mspPrincipal('msp_owner', 'msp-b'));
  });
  afterAll(() => t.close());

  const post = (path: string, token?: string, body: object = {}) => {
    const req = t.http().post(path).set('X-Forwarded-For', CLIENT_IP).set('User-Agent', 'e2e-panel');
    return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(body);
  };
  const setUp = async (body: object = splunk) => (await post('/integrations', admin, body).expect(201)).body.id as string;
  const events = (id: string) => t.events(`integration-${id}`);

  describe('set up', () => {
    it('answers 201 with the event ids and position, and records a fingerprint of the secret only', async () => {
      const res = await post('/integrations', owner, splunk).expect(201);
      expect(res.body).toMatchObject({ streamId: `integration-${res.body.id}`, revision: '0' });
      expect(res.body.position).toMatch(/^\d+$/);
      const [event] = await t.events(res.body.streamId);
      expect(event).toMatchObject({
        id: res.body.eventIds[0],
        type: 'IntegrationSetUp',
        data: { integrationId: res.body.id, mspId: 'msp-a', ...splunkWithoutSecret, secretLast4: 'abcd', secretVersion: expect.any(String) },
        metadata: {
          actor: { type: 'member', id: 'owner-a', email: 'owner@a.example', name: 'Olive Owner', role: 'msp_owner' },
          tenant: { mspId: 'msp-a' },
          client: { ip: CLIENT_IP, userAgent: 'e2e-panel' },
        },
      });
      expect(event.position.toString()).toBe(res.body.position);
      expect(JSON.stringify([event.data, event.metadata, res.body])).not.toContain(SECRET.slice(0, 20));
    });

    it('sets up Microsoft Sentinel, PSA and RMM integrations', async () => {
      const sentinel = {
        // Reserved names (RFC 2606), so the delivery worker of this API never reaches a real service.
        dataCollectionEndpoint: 'https://dce-1.westeurope-1.ingest.monitor.example', ruleId: 'dcr-00000000000000000000000000000000',
        streamName: 'Custom-ActivityLog', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', clientId: '8a1b2c3d-0000-4000-8000-000000000001',
        authorityHost: 'https://login.example',
      };
      for (const body of [
        { kind: 'microsoft_sentinel', name: 'Sentinel', settings: sentinel, secret: 'client-secret-value' },
        { kind: 'psa', name: 'ConnectWise', settings: { vendor: 'ConnectWise', url: 'https://cw.example' } },
        { kind: 'rmm', name: 'NinjaOne', settings: { vendor: 'NinjaOne', url: 'https://ninja.example' } },
      ]) {
        const [event] = await events(await setUp(body));
        expect(event.data).toMatchObject({ kind: body.kind, name: body.name, settings: body.settings });
      }
    });

    it('answers 400 with field messages for bad input, from the DTO or the domain', async () => {
      expect((await post('/integrations', admin, { ...splunk, kind: 'datadog' }).expect(400)).body.fields.kind).toBeDefined();
      expect((await post('/integrations', admin, { ...splunk, settings: 'x' }).expect(400)).body.fields.settings).toBeDefined();
      expect((await post('/integrations', admin, splunkWithoutSecret).expect(400)).body.fields).toEqual({ secret: ['secret is required for a splunk integration'] });
      expect((await post('/integrations', admin, { ...splunk, secret: 'not-a-hec-token' }).expect(400)).body.fields).toEqual({ secret: ['secret must be a Splunk HEC token (a GUID)'] });
      const missing = await post('/integrations', admin, { ...splunk, settings: { url: splunk.settings.url } }).expect(400);
      expect(missing.body.fields).toEqual({ 'settings.index': ['index is required for a splunk integration'] });
      const plain = await post('/integrations', admin, { ...splunk, settings: { ...splunk.settings, url: 'http://splunk' } }).expect(400);
      expect(plain.body.fields['settings.url']).toEqual(['url must be an https URL']);
      expect((await post('/integrations', admin, { ...splunk, secret: 'short' }).expect(400)).body.fields.secret).toBeDefined();
    });

    it('refuses a forged tenant in the body as an unknown field, and writes nothing', async () => {
      const before = await t.store.headPosition();
      const res = await post('/integrations', admin, { ...splunk, mspId: 'msp-b' }).expect(400);
      expect(res.body.fields.mspId).toEqual(['property mspId should not exist']);
      expect(await t.store.headPosition()).toBe(before);
    });

    it('answers 401 without a token and 403 to roles the matrix does not allow', async () => {
      await post('/integrations', undefined, splunk).expect(401);
      await post('/integrations', member, splunk).expect(403);
      await post('/integrations', pusher, splunk).expect(403);
      await post('/integrations', await t.token(orgPrincipal('org_owner', 'org-z')), splunk).expect(403);
    });
  });

  describe('edit and disconnect', () => {
    it('records the previous and new values of what changed, and a rotated secret by fingerprint', async () => {
      const id = await setUp(splunk);
      const res = await post(`/integrations/${id}/edit`, admin, { name: 'Splunk (EU)', settings: { index: 'soc' }, secret: ROTATED }).expect(200);
      expect(res.body.revision).toBe('1');
      const [, edited] = await events(id);
      expect(edited).toMatchObject({ id: res.body.eventIds[0], type: 'IntegrationEdited', metadata: { tenant: { mspId: 'msp-a' }, client: { ip: CLIENT_IP } } });
      expect(edited.data).toEqual({
        integrationId: id, kind: 'splunk', name: 'Splunk (SOC)',
        changes: [
          { field: 'name', previousValue: 'Splunk (SOC)', newValue: 'Splunk (EU)' },
          { field: 'settings.index', previousValue: 'audit', newValue: 'soc' },
          { field: 'secret', previousValue: 'abcd', newValue: '1234' },
        ],
        secretVersion: expect.any(String),
      });
      expect(JSON.stringify([edited.data, edited.metadata])).not.toContain(ROTATED.slice(0, 20));
    });

    it('answers 409 for an edit that changes nothing, 400 for an unknown setting', async () => {
      const id = await setUp();
      const res = await post(`/integrations/${id}/edit`, admin, { name: splunk.name, settings: { index: 'audit' } }).expect(409);
      expect(res.body.message).toBe("Editing integration 'Splunk (SOC)' would change nothing");
      expect((await post(`/integrations/${id}/edit`, admin, { settings: { ruleId: 'x' } }).expect(400)).body.fields['settings.ruleId']).toBeDefined();
    });

    it('disconnects, after which nothing is accepted', async () => {
      const id = await setUp();
      const res = await post(`/integrations/${id}/disconnect`, owner, { reason: 'moved to Sentinel' }).expect(200);
      const [, disconnected] = await events(id);
      expect(disconnected).toMatchObject({
        id: res.body.eventIds[0],
        type: 'IntegrationDisconnected',
        data: { integrationId: id, kind: 'splunk', name: 'Splunk (SOC)', reason: 'moved to Sentinel' },
        metadata: { actor: { id: 'owner-a', role: 'msp_owner' }, tenant: { mspId: 'msp-a' }, client: { ip: CLIENT_IP } },
      });
      expect((await post(`/integrations/${id}/edit`, admin, { name: 'X' }).expect(409)).body.message).toBe("Integration 'Splunk (SOC)' is disconnected");
      await post(`/integrations/${id}/disconnect`, admin).expect(409);
      await post(`/integrations/${id}/sync-succeeded`, pusher, { eventsSent: 1 }).expect(409);
      await post(`/integrations/${id}/sync-failed`, pusher, { error: 'x' }).expect(409);
      expect(await events(id)).toHaveLength(2);
    });

    it('answers 404 for an unknown integration and for another MSP’s, 400 for a malformed id', async () => {
      await post(`/integrations/${uuidv7()}/edit`, admin, { name: 'X' }).expect(404);
      const id = await setUp();
      await post(`/integrations/${id}/edit`, otherMsp, { name: 'X' }).expect(404);
      await post(`/integrations/${id}/disconnect`, otherMsp).expect(404);
      await post('/integrations/not-a-uuid/disconnect', admin).expect(400);
      expect(await events(id)).toHaveLength(1);
    });

    it('answers 403 to a member and to a service', async () => {
      const id = await setUp();
      await post(`/integrations/${id}/edit`, member, { name: 'X' }).expect(403);
      await post(`/integrations/${id}/disconnect`, pusher).expect(403);
    });
  });

  describe('syncs', () => {
    it('records a successful and a failed sync by the MSP’s service', async () => {
      const id = await setUp();
      const ok = await post(`/integrations/${id}/sync-succeeded`, pusher, { eventsSent: 250 }).expect(200);
      const failed = await post(`/integrations/${id}/sync-failed`, pusher, { error: 'HEC answered 403' }).expect(200);
      const [, succeeded, failure] = await events(id);
      const metadata = { actor: { type: 'service', id: 'splunk-pusher', role: 'service' }, tenant: { mspId: 'msp-a' }, client: { ip: CLIENT_IP } };
      expect(succeeded).toMatchObject({ id: ok.body.eventIds[0], type: 'IntegrationSyncSucceeded', data: { integrationId: id, kind: 'splunk', name: 'Splunk (SOC)', eventsSent: 250 }, metadata });
      expect(failure).toMatchObject({ id: failed.body.eventIds[0], type: 'IntegrationSyncFailed', data: { integrationId: id, error: 'HEC answered 403' }, metadata });
    });

    it('lets an owner or admin record a sync, but not a member', async () => {
      const id = await setUp();
      await post(`/integrations/${id}/sync-succeeded`, admin, { eventsSent: 0 }).expect(200);
      await post(`/integrations/${id}/sync-failed`, member, { error: 'x' }).expect(403);
    });

    it('answers 400 for a bad count, 404 to another MSP’s service', async () => {
      const id = await setUp();
      expect((await post(`/integrations/${id}/sync-succeeded`, pusher, { eventsSent: -1 }).expect(400)).body.fields.eventsSent).toBeDefined();
      await post(`/integrations/${id}/sync-failed`, pusher, {}).expect(400);
      const foreign = await t.token(servicePrincipal({ mspId: 'msp-b' }, 'splunk-pusher'));
      await post(`/integrations/${id}/sync-succeeded`, foreign, { eventsSent: 1 }).expect(404);
      await post(`/integrations/${id}/sync-succeeded`, undefined, { eventsSent: 1 }).expect(401);
    });
  });

  describe('MSP API keys', () => {
    it('generates a key (only its public half in the event) and revokes it once', async () => {
      const res = await post('/api-keys', owner, { name: 'SIEM export' }).expect(201);
      expect(res.body).toMatchObject({ streamId: `apiKey-${res.body.id}`, revision: '0' });
      const revoked = await post(`/api-keys/${res.body.id}/revoke`, admin).expect(200);
      const [generated, revocation] = await t.events(res.body.streamId);
      expect(generated).toMatchObject({
        id: res.body.eventIds[0],
        type: 'MspApiKeyGenerated',
        data: { keyId: res.body.id, mspId: 'msp-a', name: 'SIEM export' },
        metadata: { actor: { id: 'owner-a', email: 'owner@a.example' }, tenant: { mspId: 'msp-a' }, client: { ip: CLIENT_IP, userAgent: 'e2e-panel' } },
      });
      expect(Object.keys(generated.data).sort()).toEqual(['algorithm', 'keyId', 'mspId', 'name', 'publicKey', 'thumbprint']);
      expect(Object.keys(generated.data.publicKey as object).sort()).toEqual(['crv', 'kty', 'x', 'y']);
      expect(JSON.stringify([generated.data, generated.metadata])).not.toContain(res.body.privateKeyPem.split('\n')[1]);
      expect(revocation).toMatchObject({ id: revoked.body.eventIds[0], type: 'MspApiKeyRevoked', data: { keyId: res.body.id, name: 'SIEM export' } });
      expect((await post(`/api-keys/${res.body.id}/revoke`, admin).expect(409)).body.message).toBe("API key 'SIEM export' is revoked");
    });

    it('answers 400, 401, 403 and 404 where they apply', async () => {
      await post('/api-keys', admin, {}).expect(400);
      await post('/api-keys', admin, { name: 'x', mspId: 'msp-b' }).expect(400);
      await post('/api-keys', undefined, { name: 'x' }).expect(401);
      await post('/api-keys', member, { name: 'x' }).expect(403);
      const id = (await post('/api-keys', admin, { name: 'x' }).expect(201)).body.id;
      await post(`/api-keys/${id}/revoke`, member).expect(403);
      await post(`/api-keys/${id}/revoke`, otherMsp).expect(404);
      await post(`/api-keys/${uuidv7()}/revoke`, admin).expect(404);
      await post('/api-keys/nope/revoke', admin).expect(400);
    });
  });

  it('serves the OpenAPI document with request and response schemas', async () => {
    const res = await t.http().get('/openapi.json').expect(200);
    const body = (path: string) => res.body.paths[path].post.requestBody.content['application/json'].schema.$ref;
    expect(body('/integrations')).toBe('#/components/schemas/SetUpIntegrationDto');
    expect(body('/integrations/{integrationId}/edit')).toBe('#/components/schemas/EditIntegrationDto');
    expect(body('/api-keys')).toBe('#/components/schemas/GenerateMspApiKeyDto');
    expect(res.body.components.schemas.SetUpIntegrationDto.required).toEqual(['kind', 'name', 'settings']);
  });
});
