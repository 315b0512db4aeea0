import { mspPrincipal, orgPrincipal, servicePrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

const HEC_TOKEN = '5c3e1a2b-7d4f-4e8a-9b61-0c2b4d6e8f11';

/** The lists a panel's filters need: supervised organizations, MSP members, organization members. */
describe('Lists for the filters over HTTP', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let orgIds: string[];
  let integrationIds: string[];

  const list = (path: string, token: string, query: Record<string, string | number> = {}) => t.query(path, token, query);

  beforeAll(async () => {
    t = await startTestApp();
    const signUp = await t.token(servicePrincipal({ mspId: 'msp-a' }, 'sign-up-service'));
    await t.command('/msp', signUp, { name: 'MSP A', ownerMemberId: 'olive', ownerEmail: 'olive@msp-a.example', ownerName: 'Olive' });
    tokens.mspOwner = await t.token(mspPrincipal('msp_owner', 'msp-a', { subject: 'olive', email: 'olive@msp-a.example' }));
    tokens.mspAdmin = await t.token(mspPrincipal('msp_admin', 'msp-a'));
    tokens.mspMember = await t.token(mspPrincipal('msp_member', 'msp-a'));
    tokens.otherMsp = await t.token(mspPrincipal('msp_owner', 'msp-b'));
    const invited = await t.command('/msp/invitations', tokens.mspOwner, { email: 'Zed@msp-a.example', role: 'msp_admin', name: 'Zed' });
    await t.command('/msp/invitations', tokens.mspOwner, { email: 'amy@msp-a.example', role: 'msp_member' });
    await t.command(`/msp/invitations/${invited.id}/revoke`, tokens.mspOwner);

    orgIds = [];
    for (const name of ['Org 1', 'Org 2', 'Org 3']) orgIds.push((await t.command('/organizations', tokens.mspAdmin, { name })).id);
    await t.command(`/organizations/${orgIds[1]}/deploy`, tokens.mspAdmin);
    await t.command('/organizations', tokens.otherMsp, { name: 'Foreign' });

    const provisioning = await t.token(servicePrincipal({ orgId: orgIds[0] }, 'provisioning'));
    const owner = await t.command('/org/invitations', provisioning, { email: 'owen@org.example', role: 'org_owner' });
    tokens.orgOwner = await t.token(orgPrincipal('org_owner', orgIds[0], { subject: owner.id, email: 'owen@org.example', name: 'Owen' }));
    await t.command(`/org/invitations/${owner.id}/accept`, tokens.orgOwner);
    const ada = await t.command('/org/invitations', tokens.orgOwner, { email: 'ada@org.example', role: 'org_admin' });
    await t.command(`/org/members/${ada.id}/remove`, tokens.orgOwner);
    tokens.orgAdmin = await t.token(orgPrincipal('org_admin', orgIds[0]));
    tokens.orgMember = await t.token(orgPrincipal('org_member', orgIds[0]));
    tokens.otherOrgOwner = await t.token(orgPrincipal('org_owner', orgIds[2]));

    const splunk = { kind: 'splunk', settings: { url: 'https://splunk.msp-a.example:8088', index: 'audit' }, secret: HEC_TOKEN };
    integrationIds = [];
    integrationIds.push((await t.command('/integrations', tokens.mspAdmin, { ...splunk, name: 'MSP Splunk' })).id);
    integrationIds.push((await t.command('/integrations', tokens.mspAdmin, { ...splunk, name: 'Old Splunk' })).id);
    await t.command(`/integrations/${integrationIds[1]}/disconnect`, tokens.mspAdmin);
    integrationIds.push((await t.command('/org/integrations/siem', tokens.orgOwner, { ...splunk, name: 'Org Splunk' })).id);
    await t.command('/integrations', tokens.otherMsp, { ...splunk, name: 'Foreign Splunk' });
  });
  afterAll(() => t.close());

  describe('GET /organizations', () => {
    it('lists the MSP’s own organizations, oldest first, with their status, and never another MSP’s', async () => {
      const res = await list('/organizations', tokens.mspOwner).expect(200);
      expect(res.body.items.map((o: any) => [o.id, o.name, o.status])).toEqual([
        [orgIds[0], 'Org 1', 'created'],
        [orgIds[1], 'Org 2', 'active'],
        [orgIds[2], 'Org 3', 'created'],
      ]);
      expect(res.body.nextCursor).toBeNull();
      expect(Object.keys(res.body.items[0]).sort()).toEqual(['createdAt', 'id', 'name', 'status', 'updatedAt']);
      expect((await list('/organizations', tokens.otherMsp).expect(200)).body.items.map((o: any) => o.name)).toEqual(['Foreign']);
    });

    it('pages with an opaque cursor', async () => {
      const first = await list('/organizations', tokens.mspAdmin, { limit: 2 }).expect(200);
      expect(first.body.items.map((o: any) => o.id)).toEqual(orgIds.slice(0, 2));
      const second = await list('/organizations', tokens.mspAdmin, { limit: 2, cursor: first.body.nextCursor }).expect(200);
      expect(second.body).toEqual({ items: [expect.objectContaining({ id: orgIds[2] })], nextCursor: null });
    });

    it('refuses with 400 a cursor it did not sign, or signed for another reader or list', async () => {
      const first = await list('/organizations', tokens.mspAdmin, { limit: 2 }).expect(200);
      const handMade = Buffer.from(JSON.stringify({ id: orgIds[1] })).toString('base64url');
      expect((await list('/organizations', tokens.mspAdmin, { cursor: handMade }).expect(400)).body.message).toMatch(/cursor/);
      const [version, , mac] = String(first.body.nextCursor).split('.');
      const edited = Buffer.from(JSON.stringify({ id: orgIds[0] })).toString('base64url');
      await list('/organizations', tokens.mspAdmin, { cursor: `${version}.${edited}.${mac}` }).expect(400);
      await list('/organizations', tokens.mspOwner, { cursor: first.body.nextCursor }).expect(400);
      await list('/integrations', tokens.mspAdmin, { cursor: first.body.nextCursor }).expect(400);
    });

    it('is for MSP owners and admins only, and refuses a bad cursor or limit with 400', async () => {
      await list('/organizations', tokens.mspMember).expect(403);
      await list('/organizations', tokens.orgOwner).expect(403);
      await t.http().get('/organizations').expect(401);
      const bad = await list('/organizations', tokens.mspOwner, { cursor: 'bm90LW91cnM' }).expect(400);
      expect(bad.body.message).toMatch(/cursor/);
      await list('/organizations', tokens.mspOwner, { limit: 0 }).expect(400);
      await list('/organizations', tokens.mspOwner, { limit: 'ten' }).expect(400);
      await list('/organizations', tokens.mspOwner, { mspId: 'msp-b' }).expect(400);
    });
  });

  describe('GET /msp/members', () => {
    it('lists the MSP’s roster by email with role and status, invitations and revoked ones included', async () => {
      const res = await list('/msp/members', tokens.mspAdmin).expect(200);
      expect(res.body.items.map((m: any) => [m.email, m.name, m.role, m.status])).toEqual([
        ['amy@msp-a.example', null, 'msp_member', 'invited'],
        ['olive@msp-a.example', 'Olive', 'msp_owner', 'active'],
        ['Zed@msp-a.example', 'Zed', 'msp_admin', 'revoked'],
      ]);
      expect(Object.keys(res.body.items[0]).sort()).toEqual(['email', 'memberId', 'name', 'role', 'since', 'status', 'updatedAt']);
      expect((await list('/msp/members', tokens.otherMsp).expect(200)).body.items).toEqual([]);
    });

    it('pages by email', async () => {
      const first = await list('/msp/members', tokens.mspOwner, { limit: 1 }).expect(200);
      const second = await list('/msp/members', tokens.mspOwner, { limit: 2, cursor: first.body.nextCursor }).expect(200);
      expect([...first.body.items, ...second.body.items].map((m: any) => m.email)).toEqual([
        'amy@msp-a.example', 'olive@msp-a.example', 'Zed@msp-a.example',
      ]);
      expect(second.body.nextCursor).toBeNull();
    });

    it('is for MSP owners and admins only', async () => {
      await list('/msp/members', tokens.mspMember).expect(403);
      await list('/msp/members', tokens.orgOwner).expect(403);
    });
  });

  describe('GET /org/members', () => {
    it('lists the organization’s own roster, removed members kept as removed', async () => {
      const res = await list('/org/members', tokens.orgAdmin).expect(200);
      expect(res.body.items.map((m: any) => [m.email, m.name, m.role, m.status])).toEqual([
        ['ada@org.example', null, 'org_admin', 'removed'],
        ['owen@org.example', 'Owen', 'org_owner', 'active'],
      ]);
      expect((await list('/org/members', tokens.otherOrgOwner).expect(200)).body.items).toEqual([]);
    });

    it('is for organization owners and admins only', async () => {
      await list('/org/members', tokens.orgMember).expect(403);
      await list('/org/members', tokens.mspOwner).expect(403);
    });
  });

  describe('GET /integrations', () => {
    it('lists the tenant’s own integrations with their status, and nothing of their settings or secret', async () => {
      const msp = await list('/integrations', tokens.mspOwner).expect(200);
      expect(msp.body.items.map((i: any) => [i.id, i.kind, i.name, i.status, i.owner])).toEqual([
        [integrationIds[0], 'splunk', 'MSP Splunk', 'connected', 'msp'],
        [integrationIds[1], 'splunk', 'Old Splunk', 'disconnected', 'msp'],
      ]);
      expect(Object.keys(msp.body.items[0]).sort()).toEqual(['createdAt', 'id', 'kind', 'name', 'owner', 'status', 'updatedAt']);
      expect(JSON.stringify(msp.body)).not.toMatch(new RegExp(`${HEC_TOKEN.slice(-4)}|splunk\\.msp-a|audit`));
      const org = await list('/integrations', tokens.orgOwner).expect(200);
      expect(org.body.items.map((i: any) => [i.name, i.owner])).toEqual([['Org Splunk', 'organization']]);
      expect((await list('/integrations', tokens.otherOrgOwner).expect(200)).body.items).toEqual([]);
    });

    it('pages, and is for the integrations’ owners only', async () => {
      const first = await list('/integrations', tokens.mspAdmin, { limit: 1 }).expect(200);
      const second = await list('/integrations', tokens.mspAdmin, { cursor: first.body.nextCursor }).expect(200);
      expect([...first.body.items, ...second.body.items].map((i: any) => i.id)).toEqual(integrationIds.slice(0, 2));
      await list('/integrations', tokens.orgAdmin).expect(403);
      await list('/integrations', tokens.mspMember).expect(403);
    });
  });
});
