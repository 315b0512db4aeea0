import { CLIENT_IP, mspPrincipal, orgPrincipal, servicePrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

describe('MSP settings over HTTP', () => {
  let t: TestApp;
  let owner: string; // msp_owner of msp-a
  let admin: string; // msp_admin of msp-a
  let otherMsp: string; // msp_owner of msp-b

  beforeAll(async () => {
    t = await startTestApp();
    owner = await t.token(mspPrincipal('msp_owner', 'msp-a', { subject: 'owner-a', email: 'owner@a.example', name: 'Olive Owner' }));
    admin = await t.token(mspPrincipal('msp_admin', 'msp-a', { subject: 'admin-a' }));
    otherMsp = await t.token(mspPrincipal('msp_owner', 'msp-b'));
  });
  afterAll(() => t.close());

  const post = (token: string | undefined, body: object) => {
    const req = t.http().post('/settings').set('X-Forwarded-For', CLIENT_IP).set('User-Agent', 'e2e-panel');
    return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(body);
  };
  const lastEvent = async (mspId: string) => (await t.events(`mspSettings-${mspId}`)).at(-1)!;

  it('answers 200 with the event ids and position, and records the default as the old value', async () => {
    const res = await post(owner, { key: 'sessionTimeoutMinutes', value: 30 }).expect(200);
    expect(res.body).toMatchObject({ id: 'msp-a', streamId: 'mspSettings-msp-a', revision: '0' });
    expect(res.body.position).toMatch(/^\d+$/);
    const [event] = await t.events('mspSettings-msp-a');
    expect(event).toMatchObject({
      id: res.body.eventIds[0],
      type: 'MspSettingChanged',
      data: { mspId: 'msp-a', key: 'sessionTimeoutMinutes', oldValue: 60, newValue: 30 },
      metadata: {
        actor: { type: 'member', id: 'owner-a', email: 'owner@a.example', name: 'Olive Owner', role: 'msp_owner' },
        tenant: { mspId: 'msp-a' },
        client: { ip: CLIENT_IP, userAgent: 'e2e-panel' },
      },
    });
    expect(event.position.toString()).toBe(res.body.position);
  });

  it.each([
    ['requireTwoFactor', true, false],
    ['allowedIpRanges', ['203.0.113.0/24', '2001:db8::/32'], []],
    ['activityLogRetentionDays', 730, 90],
    ['supportEmail', 'help@a.example', null],
    ['defaultOrganizationPolicyPreset', 'strict', 'standard'],
  ])('changes %s with its typed value', async (key, value, defaultValue) => {
    await post(admin, { key, value }).expect(200);
    expect((await lastEvent('msp-a')).data).toEqual({ mspId: 'msp-a', key, oldValue: defaultValue, newValue: value });
  });

  it('records the current value as the old one, and clears the support email with null', async () => {
    const ownerC = await t.token(mspPrincipal('msp_owner', 'msp-c'));
    await post(ownerC, { key: 'supportEmail', value: 'ops@c.example' }).expect(200);
    await post(ownerC, { key: 'supportEmail', value: null }).expect(200);
    expect((await lastEvent('msp-c')).data).toEqual({ mspId: 'msp-c', key: 'supportEmail', oldValue: 'ops@c.example', newValue: null });
  });

  it('answers 409 for the current value again, the default included', async () => {
    const ownerD = await t.token(mspPrincipal('msp_owner', 'msp-d'));
    expect((await post(ownerD, { key: 'requireTwoFactor', value: false }).expect(409)).body.message).toBe('requireTwoFactor is already false');
    await post(ownerD, { key: 'defaultOrganizationPolicyPreset', value: 'custom' }).expect(200);
    const res = await post(ownerD, { key: 'defaultOrganizationPolicyPreset', value: 'custom' }).expect(409);
    expect(res.body.message).toBe('defaultOrganizationPolicyPreset is already "custom"');
  });

  it.each([
    [{ key: 'theme', value: 'dark' }, 'key'],
    [{ key: 'sessionTimeoutMinutes', value: 2 }, 'value'],
    [{ key: 'sessionTimeoutMinutes', value: '30' }, 'value'],
    [{ key: 'requireTwoFactor', value: 'yes' }, 'value'],
    [{ key: 'allowedIpRanges', value: ['10.0.0.0/33'] }, 'value'],
    [{ key: 'supportEmail', value: 'nope' }, 'value'],
    [{ key: 'activityLogRetentionDays' }, 'value'],
    [{ value: true }, 'key'],
  ])('answers 400 naming the field for %p', async (body, field) => {
    const before = await t.store.headPosition();
    const res = await post(admin, body).expect(400);
    expect(res.body.fields[field]).toBeDefined();
    expect(await t.store.headPosition()).toBe(before);
  });

  it('refuses a forged tenant in the body as an unknown field, and writes nothing', async () => {
    const before = await t.store.headPosition();
    const res = await post(otherMsp, { key: 'requireTwoFactor', value: true, mspId: 'msp-a' }).expect(400);
    expect(res.body.fields.mspId).toEqual(['property mspId should not exist']);
    expect(await t.store.headPosition()).toBe(before);
  });

  it('keeps each MSP to its own settings', async () => {
    await post(otherMsp, { key: 'sessionTimeoutMinutes', value: 30 }).expect(200);
    expect((await lastEvent('msp-b')).data).toMatchObject({ oldValue: 60, newValue: 30 });
    expect((await lastEvent('msp-a')).metadata.tenant).toEqual({ mspId: 'msp-a' });
  });

  it('answers 401 without a token and 403 to roles the matrix does not allow', async () => {
    await post(undefined, { key: 'requireTwoFactor', value: true }).expect(401);
    for (const principal of [mspPrincipal('msp_member', 'msp-a'), orgPrincipal('org_owner', 'org-z'), servicePrincipal({ mspId: 'msp-a' })]) {
      await post(await t.token(principal), { key: 'requireTwoFactor', value: true }).expect(403);
    }
  });

  it('serves the OpenAPI document with request and response schemas', async () => {
    const res = await t.http().get('/openapi.json').expect(200);
    const route = res.body.paths['/settings'].post;
    expect(route.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/ChangeMspSettingDto');
    expect(route.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/CommandResultDto');
    expect(res.body.components.schemas.ChangeMspSettingDto.properties.key.enum).toContain('requireTwoFactor');
  });
});

describe('organization settings over HTTP (activity retention within the MSP’s)', () => {
  let t: TestApp;
  let orgId: string;
  let owner: string;
  let mspOwner: string;

  beforeAll(async () => {
    t = await startTestApp();
    mspOwner = await t.token(mspPrincipal('msp_owner', 'msp-r', { subject: 'rita' }));
    orgId = (await t.command('/organizations', await t.token(mspPrincipal('msp_admin', 'msp-r')), { name: 'R' })).id;
    owner = await t.token(orgPrincipal('org_owner', orgId, { subject: 'otto', name: 'Otto' }));
  });
  afterAll(() => t.close());

  const post = (token: string | undefined, body: object) => {
    const req = t.http().post('/org/settings').set('X-Forwarded-For', CLIENT_IP);
    return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(body);
  };

  it('keeps an organization within its MSP’s retention, and records each change as an event', async () => {
    const tooLong = await post(owner, { key: 'activityLogRetentionDays', value: 180 }).expect(400);
    expect(tooLong.body.message).toMatch(/must not exceed the MSP's retention of 90 days/);
    await t.command('/settings', mspOwner, { key: 'activityLogRetentionDays', value: 365 });
    const res = await post(owner, { key: 'activityLogRetentionDays', value: 180 }).expect(200);
    const [changed] = await t.events(`orgSettings-${orgId}`);
    expect(changed).toMatchObject({ id: res.body.eventIds[0], type: 'OrganizationSettingChanged', data: { orgId, key: 'activityLogRetentionDays', oldValue: null, newValue: 180 } });
    await post(owner, { key: 'activityLogRetentionDays', value: null }).expect(200);
    await post(owner, { key: 'activityLogRetentionDays', value: null }).expect(409);
  });

  it('answers 400 for a bad key or value and changes nothing', async () => {
    const before = await t.store.headPosition();
    for (const [body, field] of [
      [{ key: 'nope', value: 100 }, 'key'],
      [{ key: 'activityLogRetentionDays', value: 89 }, 'value'],
      [{ key: 'activityLogRetentionDays', value: 'a year' }, 'value'],
      [{ key: 'activityLogRetentionDays', value: 100.5 }, 'value'],
      [{ key: 'activityLogRetentionDays', value: 100, orgId: 'other' }, 'orgId'],
    ] as const) {
      const res = await post(owner, body).expect(400);
      expect([body, JSON.stringify(res.body)]).toEqual([body, expect.stringContaining(field)]);
    }
    expect(await t.store.headPosition()).toBe(before);
  });

  it('answers 401 without a token and 403 to anyone but the organization’s owner', async () => {
    await post(undefined, { key: 'activityLogRetentionDays', value: 100 }).expect(401);
    for (const principal of [orgPrincipal('org_admin', orgId), mspPrincipal('msp_owner', 'msp-r'), servicePrincipal({ orgId })]) {
      await post(await t.token(principal), { key: 'activityLogRetentionDays', value: 100 }).expect(403);
    }
  });

  it('is in the OpenAPI document with its schema', async () => {
    const res = await t.http().get('/openapi.json').expect(200);
    const route = res.body.paths['/org/settings'].post;
    expect(route.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/ChangeOrganizationSettingDto');
    expect(res.body.components.schemas.ChangeOrganizationSettingDto.properties.key.enum).toEqual(['activityLogRetentionDays']);
    for (const path of ['/org/members/{memberId}/erase', '/msp/members/{memberId}/erase']) expect(res.body.paths[path].post.summary).toMatch(/Erase/);
  });
});
