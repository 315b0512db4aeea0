import { SignJWT } from 'jose';
import { v7 as uuidv7 } from 'uuid';
import { CLIENT_IP, mspPrincipal, orgPrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

describe('Organization Management over HTTP', () => {
  let t: TestApp;
  let owner: string; // msp_owner of msp-a
  let admin: string; // msp_admin of msp-a
  let member: string; // msp_member of msp-a
  let otherMsp: string; // msp_owner of msp-b

  beforeAll(async () => {
    t = await startTestApp();
    owner = await t.token(mspPrincipal('msp_owner', 'msp-a', { subject: 'owner-a', email: 'owner@a.example', name: 'Olive Owner' }));
    admin = await t.token(mspPrincipal('msp_admin', 'msp-a'));
    member = await t.token(mspPrincipal('msp_member', 'msp-a'));
    otherMsp = await t.token(mspPrincipal('msp_owner', 'msp-b'));
  });
  afterAll(() => t.close());

  const post = (path: string, token?: string, body: object = {}) => {
    const req = t.http().post(path).set('X-Forwarded-For', CLIENT_IP).set('User-Agent', 'e2e-panel');
    return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(body);
  };
  const create = async (name = 'Acme') => (await post('/organizations', admin, { name }).expect(201)).body.id as string;

  describe('create', () => {
    it('answers 201 with the event ids and global position, and records actor, tenant and client', async () => {
      const res = await post('/organizations', owner, { name: 'Acme' }).expect(201);
      expect(res.body).toMatchObject({ streamId: `organization-${res.body.id}`, revision: '0' });
      expect(res.body.position).toMatch(/^\d+$/);
      expect(res.body.eventIds).toHaveLength(1);
      const [event] = await t.events(res.body.streamId);
      expect(event).toMatchObject({
        id: res.body.eventIds[0],
        type: 'OrganizationCreated',
        data: { organizationId: res.body.id, mspId: 'msp-a', name: 'Acme' },
        metadata: {
          actor: { type: 'member', id: 'owner-a', email: 'owner@a.example', name: 'Olive Owner', role: 'msp_owner' },
          tenant: { mspId: 'msp-a', orgId: res.body.id },
          client: { ip: CLIENT_IP, userAgent: 'e2e-panel' },
        },
      });
      expect(event.position.toString()).toBe(res.body.position);
    });

    it('answers 400 with field messages for a missing or bad name', async () => {
      const res = await post('/organizations', admin, { name: 42 }).expect(400);
      expect(res.body.fields.name).toEqual(expect.arrayContaining(['name must be a string']));
      await post('/organizations', admin, {}).expect(400);
    });

    it('refuses a forged tenant in the body as an unknown field, and writes nothing', async () => {
      const before = await t.store.headPosition();
      const res = await post('/organizations', admin, { name: 'Evil', mspId: 'msp-b' }).expect(400);
      expect(res.body.fields.mspId).toEqual(['property mspId should not exist']);
      expect(await t.store.headPosition()).toBe(before);
    });

    it('answers 401 without a token, with a bad signature, or when expired', async () => {
      await post('/organizations', undefined, { name: 'X' }).expect(401);
      const forged = await new SignJWT({ role: 'msp_owner', mspId: 'msp-a' }).setProtectedHeader({ alg: 'HS256' })
        .setSubject('x').sign(new TextEncoder().encode('another-secret-another-secret-another'));
      expect((await post('/organizations', forged, { name: 'X' }).expect(401)).body.message).toBe('token signature is invalid');
      const expired = await new SignJWT({ role: 'msp_owner', mspId: 'msp-a' }).setProtectedHeader({ alg: 'HS256' })
        .setSubject('x').setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(new TextEncoder().encode(t.config.AUTH_JWT_SECRET!));
      expect((await post('/organizations', expired, { name: 'X' }).expect(401)).body.message).toBe('token expired');
      await post('/organizations', 'not-a-jwt', { name: 'X' }).expect(401);
    });

    it('answers 403 to roles the matrix does not allow', async () => {
      await post('/organizations', member, { name: 'X' }).expect(403);
      await post('/organizations', await t.token(orgPrincipal('org_owner', 'org-z')), { name: 'X' }).expect(403);
    });
  });

  describe('the lifecycle', () => {
    it('deploys, renames, suspends, reactivates and terminates, each as its event', async () => {
      const id = await create();
      await post(`/organizations/${id}/deploy`, admin).expect(200);
      await post(`/organizations/${id}/rename`, admin, { name: 'Acme Ltd' }).expect(200);
      await post(`/organizations/${id}/suspend`, admin, { reason: 'unpaid' }).expect(200);
      await post(`/organizations/${id}/reactivate`, admin).expect(200);
      const last = await post(`/organizations/${id}/terminate`, owner, { reason: 'contract ended' }).expect(200);
      expect(last.body.revision).toBe('5');
      const events = await t.events(`organization-${id}`);
      expect(events.map((e) => e.type)).toEqual([
        'OrganizationCreated', 'OrganizationDeployed', 'OrganizationRenamed',
        'OrganizationSuspended', 'OrganizationReactivated', 'OrganizationTerminated',
      ]);
      expect(events[2].data).toEqual({ organizationId: id, previousName: 'Acme', newName: 'Acme Ltd' });
      expect(events[3].data).toMatchObject({ reason: 'unpaid' });
    });

    it('answers 409 with the reason for a refused transition', async () => {
      const id = await create();
      const res = await post(`/organizations/${id}/suspend`, admin).expect(409);
      expect(res.body.message).toBe("Organization 'Acme' is created and cannot be suspended");
      await post(`/organizations/${id}/terminate`, owner).expect(200);
      await post(`/organizations/${id}/rename`, admin, { name: 'B' }).expect(409);
      await post(`/organizations/${id}/deploy`, admin).expect(409);
    });

    it('answers 404 for an unknown organization and for another MSP’s', async () => {
      await post(`/organizations/${uuidv7()}/deploy`, admin).expect(404);
      const id = await create();
      await post(`/organizations/${id}/deploy`, otherMsp).expect(404);
      expect(await t.events(`organization-${id}`)).toHaveLength(1);
    });

    it('refuses fields sent to a route that takes no body, and writes nothing', async () => {
      const id = await create();
      const res = await post(`/organizations/${id}/deploy`, admin, { mspId: 'msp-b' }).expect(400);
      expect(res.body.fields).toEqual({ mspId: ['property mspId should not exist'] });
      expect(await t.events(`organization-${id}`)).toHaveLength(1);
    });

    it('answers 400 for a malformed id and 403 when an admin terminates', async () => {
      await post('/organizations/not-a-uuid/deploy', admin).expect(400);
      const id = await create();
      await post(`/organizations/${id}/terminate`, admin).expect(403);
    });

    it('keeps the state machine under concurrent commands: one suspend wins, the other is refused', async () => {
      const id = await create();
      await post(`/organizations/${id}/deploy`, admin).expect(200);
      const results = await Promise.all([1, 2, 3].map(() => post(`/organizations/${id}/suspend`, admin)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      expect((await t.events(`organization-${id}`)).filter((e) => e.type === 'OrganizationSuspended')).toHaveLength(1);
    });
  });

  describe('Idempotency-Key', () => {
    it('makes a retried command a no-op that answers the first result', async () => {
      const send = () => post('/organizations', admin, { name: 'Once' }).set('Idempotency-Key', 'create-once-1');
      const first = await send().expect(201);
      const again = await send().expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(await t.events(first.body.streamId)).toHaveLength(1);
    });

    it('replays a refusal too, and refuses the same key for a different request', async () => {
      const id = await create();
      const first = await post(`/organizations/${id}/suspend`, admin).set('Idempotency-Key', 'k-2').expect(409);
      const again = await post(`/organizations/${id}/suspend`, admin).set('Idempotency-Key', 'k-2').expect(409);
      expect(again.body).toEqual(first.body);
      await post('/organizations', admin, { name: 'Other' }).set('Idempotency-Key', 'k-2').expect(422);
    });

    it('answers concurrent retries of one key with the one result, never 409 "in progress", writing once', async () => {
      const send = () => post('/organizations', admin, { name: 'Racing' }).set('Idempotency-Key', 'create-race-1');
      const answers = await Promise.all([send(), send(), send(), send()]);
      expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      expect(new Set(answers.map((r) => JSON.stringify(r.body))).size).toBe(1);
      expect(await t.events(answers[0].body.streamId)).toHaveLength(1);
    });

    it('names the same new organization on a retry: its id is derived from the key', async () => {
      const first = await post('/organizations', admin, { name: 'Derived' }).set('Idempotency-Key', 'derived-1').expect(201);
      const other = await post('/organizations', admin, { name: 'Derived' }).set('Idempotency-Key', 'derived-2').expect(201);
      expect(first.body.id).not.toBe(other.body.id);
      expect(first.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it('takes a POST without a body and the same POST with {} as one request', async () => {
      const id = await create();
      const bare = await t.http().post(`/organizations/${id}/deploy`).set('Authorization', `Bearer ${admin}`).set('Idempotency-Key', 'bare-1').expect(200);
      const empty = await post(`/organizations/${id}/deploy`, admin, {}).set('Idempotency-Key', 'bare-1').expect(200);
      expect(empty.headers['idempotent-replayed']).toBe('true');
      expect(empty.body).toEqual(bare.body);
    });

    it('scopes keys to the principal', async () => {
      await post('/organizations', admin, { name: 'A' }).set('Idempotency-Key', 'shared-key').expect(201);
      const res = await post('/organizations', owner, { name: 'A' }).set('Idempotency-Key', 'shared-key').expect(201);
      expect(res.headers['idempotent-replayed']).toBeUndefined();
    });
  });

  it('serves the OpenAPI document with request and response schemas', async () => {
    const res = await t.http().get('/openapi.json').expect(200);
    expect(res.body.paths['/organizations'].post.requestBody.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/CreateOrganizationDto',
    );
    expect(res.body.paths['/organizations/{organizationId}/rename'].post.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/CommandResultDto',
    );
    expect(res.body.components.schemas.CreateOrganizationDto.required).toEqual(['name']);
  });
});
