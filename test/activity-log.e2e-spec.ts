import { CLIENT_IP, mspPrincipal, orgPrincipal, servicePrincipal } from './support/principals';
import { AppConfig } from '@app/config';
import { startTestApp, TestApp, whileViewLags } from './support/test-app';

const MSP_SIX = ['MSP Access', 'MSP User Management', 'Organization Management', 'Integrations', 'Billing', 'Settings'];
const DAY = 24 * 60 * 60 * 1000;

describe('Activity logs over HTTP', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let orgX: string;
  let orgY: string;
  let itemId: string;

  const post = (path: string, token: string, body?: object) => t.command(path, token, body);
  const get = (path: string, token: string, query: Record<string, string | number | boolean> = {}) => t.query(path, token, query);

  beforeAll(async () => {
    t = await startTestApp({ MIN_POSITION_TIMEOUT_MS: '2000' });
    tokens.mspOwner = await t.token(mspPrincipal('msp_owner', 'msp-a', { subject: 'olive', email: 'olive@msp-a.example', name: 'Olive' }));
    tokens.mspAdmin = await t.token(mspPrincipal('msp_admin', 'msp-a', { subject: 'adam', email: 'Adam@MSP-A.example', name: 'Adam' }));
    tokens.mspMember = await t.token(mspPrincipal('msp_member', 'msp-a'));
    tokens.otherMsp = await t.token(mspPrincipal('msp_owner', 'msp-b', { subject: 'bella', name: 'Bella' }));
    const signIns = await t.token(servicePrincipal({ mspId: 'msp-a' }));
    const signUp = await t.token(servicePrincipal({ mspId: 'msp-a' }, 'sign-up-service'));
    await post('/msp', signUp, { name: 'MSP A', ownerMemberId: 'olive', ownerEmail: 'olive@msp-a.example', ownerName: 'Olive' });

    // MSP Access: the sign-in service reports the member's own client.
    await post('/msp-members/olive/sign-ins/succeeded', signIns, { email: 'olive@msp-a.example', ip: '203.0.113.50', userAgent: 'Firefox/128' });
    await post('/msp/invitations', tokens.mspAdmin, { email: 'new@msp-a.example', role: 'msp_member' }); // MSP User Management
    orgX = (await post('/organizations', tokens.mspAdmin, { name: 'Org X' })).id; // Organization Management
    await post('/integrations', tokens.mspAdmin, { kind: 'splunk', name: 'SIEM', secret: '6f1d2c3b-4a59-4e8d-9c7b-1a2b3c4d5e6f', settings: { url: 'https://splunk.example:8088', index: 'audit' } });
    await post('/billing/details', tokens.mspOwner, { companyName: 'MSP A Ltd', billingEmail: 'b@msp-a.example', addressLines: ['1 Main St'], country: 'US' });
    await post('/settings', tokens.mspOwner, { key: 'sessionTimeoutMinutes', value: 30 });
    orgY = (await post('/organizations', tokens.otherMsp, { name: 'Org Y' })).id;
    await post('/billing/details', tokens.otherMsp, { companyName: 'MSP B Ltd', billingEmail: 'b@msp-b.example', addressLines: ['2 Side St'], country: 'GB' });

    tokens.orgOwner = await t.token(orgPrincipal('org_owner', orgX, { subject: 'owen', name: 'Owen' }));
    tokens.orgAdmin = await t.token(orgPrincipal('org_admin', orgX, { subject: 'ada', name: 'Ada' }));
    tokens.ann = await t.token(orgPrincipal('org_member', orgX, { subject: 'ann', name: 'Ann', email: 'ann@org-x.example' }));
    tokens.orgYOwner = await t.token(orgPrincipal('org_owner', orgY, { subject: 'yves' }));
    await post('/org/invitations', tokens.orgOwner, { email: 'bob@org-x.example', role: 'org_member' }); // Members and Access
    await post('/org/policies/require_mfa/enable', tokens.orgAdmin); // Policies and Integrations
    itemId = (await post('/vault/items', tokens.ann, { itemType: 'password', itemName: 'Bank login' })).id; // Vault
    await post(`/vault/items/${itemId}/share`, tokens.ann, { principal: { type: 'member', id: 'bob', displayName: 'Bob' }, rights: 'edit' });
    await post('/org/policies/require_mfa/enable', tokens.orgYOwner);
  });
  afterAll(() => t.close());

  describe('the MSP Activity Log', () => {
    it('shows the MSP’s own entries in the six MSP categories, newest first, with initiator, IP and summary', async () => {
      const res = await get('/activity-log/msp', tokens.mspAdmin).expect(200);
      const categories = res.body.items.map((e: { category: string }) => e.category);
      expect(new Set(categories)).toEqual(new Set(MSP_SIX));
      expect(res.body.items).toHaveLength(7);
      const positions = res.body.items.map((e: { position: string }) => BigInt(e.position));
      expect([...positions].sort((a, b) => (a < b ? 1 : -1))).toEqual(positions);
      const created = res.body.items.find((e: { eventType: string }) => e.eventType === 'OrganizationCreated');
      expect(created).toMatchObject({
        category: 'Organization Management', action: expect.any(String), ip: CLIENT_IP, organizationId: orgX,
        initiator: { id: 'adam', email: 'Adam@MSP-A.example', name: 'Adam', role: 'msp_admin' },
        target: { type: 'organization', id: orgX, name: 'Org X' },
      });
      expect(created.summary).toContain('Adam');
      expect(created.summary).toContain('Org X');
      const signIn = res.body.items.find((e: { eventType: string }) => e.eventType === 'MspSignInSucceeded');
      expect(signIn.initiator).toMatchObject({ id: 'olive', email: 'olive@msp-a.example' });
      // The member's client, as the sign-in service saw it: not the service's own request.
      expect(signIn).toMatchObject({ ip: '203.0.113.50', userAgent: 'Firefox/128' });
    });

    it.each(MSP_SIX)('filters by category: %s', async (category) => {
      const res = await get('/activity-log/msp', tokens.mspOwner, { category }).expect(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((e: { category: string }) => e.category === category)).toBe(true);
    });

    it('filters by member email in any case, and by organization', async () => {
      const byEmail = await get('/activity-log/msp', tokens.mspOwner, { memberEmail: 'adam@msp-a.EXAMPLE' }).expect(200);
      expect(byEmail.body.items.map((e: { eventType: string }) => e.eventType).sort()).toEqual(['IntegrationSetUp', 'MspMemberInvited', 'OrganizationCreated']);
      const byOrg = await get('/activity-log/msp', tokens.mspOwner, { organizationId: orgX }).expect(200);
      expect(byOrg.body.items.map((e: { eventType: string }) => e.eventType)).toEqual(['OrganizationCreated']);
    });

    it('never shows another MSP’s entries, and refuses a forged tenant parameter', async () => {
      const res = await get('/activity-log/msp', tokens.otherMsp).expect(200);
      expect(res.body.items.map((e: { eventType: string }) => e.eventType).sort()).toEqual(['BillingDetailsAdded', 'OrganizationCreated']);
      const forged = await get('/activity-log/msp', tokens.otherMsp, { mspId: 'msp-a' }).expect(400);
      expect(forged.body.fields.mspId).toEqual(['property mspId should not exist']);
    });

    it('defaults to the last 30 days and refuses a range over 90 days', async () => {
      const res = await get('/activity-log/msp', tokens.mspOwner).expect(200);
      const span = Date.parse(res.body.window.to) - Date.parse(res.body.window.from);
      expect(span).toBe(30 * DAY);
      expect(Math.abs(Date.parse(res.body.window.to) - Date.now())).toBeLessThan(60_000);
      const from = new Date(Date.now() - 91 * DAY).toISOString();
      const refused = await get('/activity-log/msp', tokens.mspOwner, { from }).expect(400);
      expect(refused.body.fields.from).toEqual(['the date range must not exceed 90 days']);
      const past = await get('/activity-log/msp', tokens.mspOwner, { from: '2020-01-01T00:00:00Z', to: '2020-02-01T00:00:00Z' }).expect(200);
      expect(past.body.items).toEqual([]);
    });

    it('pages with an opaque cursor, without gaps or repeats', async () => {
      for (let i = 0; i < 23; i++) await post(`/organizations/${orgX}/rename`, tokens.mspAdmin, { name: `Org X ${i}` });
      const whole = (await get('/activity-log/msp', tokens.mspOwner, { limit: 1000 }).expect(200)).body.items.map((e: { id: string }) => e.id);
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await get('/activity-log/msp', tokens.mspOwner, { limit: 7, ...(cursor && { cursor }) }).expect(200);
        paged.push(...res.body.items.map((e: { id: string }) => e.id));
        cursor = res.body.nextCursor ?? undefined;
      } while (cursor);
      expect(paged).toEqual(whole);
      expect(new Set(paged).size).toBe(30);
      const first = await get('/activity-log/msp', tokens.mspOwner, { limit: 7 }).expect(200);
      await get('/activity-log/msp', tokens.mspOwner, { limit: 7, cursor: first.body.nextCursor, category: 'Billing' }).expect(400);
      await get('/activity-log/msp', tokens.mspOwner, { limit: 1001 }).expect(400);
    });

    it('is for MSP owners and admins only', async () => {
      await get('/activity-log/msp', tokens.mspMember).expect(403);
      await get('/activity-log/msp', tokens.orgOwner).expect(403);
      await t.http().get('/activity-log/msp').expect(401);
    });
  });

  describe('the Business Activity Log', () => {
    it('shows owners the item type and name', async () => {
      const res = await get('/activity-log/business', tokens.orgOwner).expect(200);
      expect(new Set(res.body.items.map((e: { category: string }) => e.category))).toEqual(
        new Set(['Members and Access', 'Policies and Integrations', 'Vault Items and Folders']),
      );
      const shared = res.body.items.find((e: { eventType: string }) => e.eventType === 'ItemShared');
      expect(shared.item).toEqual({ id: itemId, type: 'password', name: 'Bank login' });
      expect(shared.summary).toContain('Bank login');
    });

    it('shows admins generic details only', async () => {
      const res = await get('/activity-log/business', tokens.orgAdmin).expect(200);
      for (const type of ['ItemCreated', 'ItemShared']) {
        const entry = res.body.items.find((e: { eventType: string }) => e.eventType === type);
        expect(entry.item).toEqual({ id: itemId, type: null, name: null });
        expect(entry.target.name).toBeNull();
        expect(entry.summary).not.toMatch(/Bank login|password/i);
      }
    });

    it('filters by member, by item and by date, and keeps organizations apart', async () => {
      const byItem = await get('/activity-log/business', tokens.orgOwner, { itemId }).expect(200);
      expect(byItem.body.items.map((e: { eventType: string }) => e.eventType)).toEqual(['ItemShared', 'ItemCreated']);
      const byMember = await get('/activity-log/business', tokens.orgOwner, { memberId: 'ada' }).expect(200);
      expect(byMember.body.items.map((e: { eventType: string }) => e.eventType)).toEqual(['PolicyEnabled']);
      const future = new Date(Date.now() + DAY).toISOString();
      expect((await get('/activity-log/business', tokens.orgOwner, { from: future, to: future }).expect(200)).body.items).toEqual([]);
      const other = await get('/activity-log/business', tokens.orgYOwner).expect(200);
      expect(other.body.items.map((e: { eventType: string }) => e.eventType)).toEqual(['PolicyEnabled']);
    });

    it('is for organization owners and admins only', async () => {
      await get('/activity-log/business', tokens.ann).expect(403);
      await get('/activity-log/business', tokens.mspOwner).expect(403);
    });
  });

  describe('sign-ins recorded by a service', () => {
    it('show the member’s IP and user agent in the Business Activity Log, not the service’s', async () => {
      const orgId = (await post('/organizations', tokens.mspAdmin, { name: 'Org Z' })).id as string;
      const provisioning = await t.token(servicePrincipal({ orgId }, 'provisioning'));
      const ownerId = (await post('/org/invitations', provisioning, { email: 'zoe@org-z.example', role: 'org_owner' })).id as string;
      const signIns = await t.token(servicePrincipal({ orgId }, 'sign-in-service'));
      await post(`/org/members/${ownerId}/sign-ins`, signIns, { email: 'zoe@org-z.example', ip: '2001:db8::42', userAgent: 'Safari/17' });
      await post(`/org/members/${ownerId}/sign-in-failures`, signIns, { reason: 'wrong_password', ip: '192.0.2.44' });
      await post(`/org/members/${ownerId}/sign-ins`, signIns, {});
      const zoe = await t.token(orgPrincipal('org_owner', orgId, { subject: ownerId, email: 'zoe@org-z.example' }));
      const res = await get('/activity-log/business', zoe, { memberId: ownerId }).expect(200);
      expect(res.body.items.map((e: { eventType: string; ip: string | null; userAgent: string | null }) => [e.eventType, e.ip, e.userAgent])).toEqual([
        ['MemberSignInSucceeded', null, null],
        ['MemberSignInFailed', '192.0.2.44', null],
        ['MemberSignInSucceeded', '2001:db8::42', 'Safari/17'],
      ]);
      const bad = await t.http().post(`/org/members/${ownerId}/sign-ins`).set('Authorization', `Bearer ${signIns}`)
        .send({ ip: 'somewhere', userAgent: 'x'.repeat(513) }).expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['ip', 'userAgent']);
    });
  });

  describe('organization feeds', () => {
    it('show an organization’s activity to its owners (unredacted) and to its MSP (redacted)', async () => {
      const own = await get(`/organizations/${orgX}/feed`, tokens.orgOwner).expect(200);
      const types = own.body.items.map((e: { eventType: string }) => e.eventType);
      expect(types).toEqual(expect.arrayContaining(['OrganizationCreated', 'MemberInvited', 'PolicyEnabled', 'ItemCreated']));
      expect(own.body.items.find((e: { eventType: string }) => e.eventType === 'ItemCreated').item.name).toBe('Bank login');
      const msp = await get(`/organizations/${orgX}/feed`, tokens.mspAdmin).expect(200);
      expect(msp.body.items.map((e: { id: string }) => e.id)).toEqual(own.body.items.map((e: { id: string }) => e.id));
      expect(msp.body.items.find((e: { eventType: string }) => e.eventType === 'ItemCreated').item.name).toBeNull();
    });

    it('answer 404 to other organizations and other MSPs', async () => {
      await get(`/organizations/${orgX}/feed`, tokens.orgYOwner).expect(404);
      await get(`/organizations/${orgX}/feed`, tokens.otherMsp).expect(404);
      await get(`/organizations/${orgY}/feed`, tokens.mspOwner).expect(404);
    });
  });

  describe('freshness', () => {
    it('answers once the view has applied minPosition, and 503 when it cannot in time', async () => {
      const { position } = await post('/settings', tokens.mspOwner, { key: 'requireTwoFactor', value: true });
      const res = await get('/activity-log/msp', tokens.mspOwner, { minPosition: position, category: 'Settings' }).expect(200);
      expect(res.body.items[0].eventType).toBe('MspSettingChanged');
      expect(res.body.items[0].position).toBe(position);
      const late = await whileViewLags(t, 'activity-log', (head) => get('/activity-log/msp', tokens.mspOwner, { minPosition: head }).expect(503));
      expect(late.body.message).toMatch(/has not reached position/);
    });

    it('answers 400 at once to a minPosition past the last event written, which no wait would reach', async () => {
      const head = await t.store.headPosition();
      const started = Date.now();
      const res = await get('/activity-log/msp', tokens.mspOwner, { minPosition: (head + 1000n).toString() }).expect(400);
      expect(Date.now() - started).toBeLessThan(t.app.get(AppConfig).MIN_POSITION_TIMEOUT_MS);
      expect(res.body.fields).toEqual({ minPosition: [`minPosition ${head + 1000n} is past the last event written (position ${head})`] });
    });
  });

  it('documents the log routes in the OpenAPI document', async () => {
    const doc = (await t.http().get('/openapi.json').expect(200)).body;
    expect(doc.paths['/activity-log/msp'].get.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/ActivityPageDto');
    expect(doc.paths['/activity-log/msp'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['from', 'to', 'memberEmail', 'organizationId', 'category', 'cursor', 'limit', 'minPosition']),
    );
  });
});
