import { OrgRole } from '@app/domain';
import { CLIENT_IP, mspPrincipal, orgPrincipal, servicePrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

interface Member {
  id: string;
  email: string;
  token: string;
}

describe('Members and Access over HTTP', () => {
  let t: TestApp;
  let mspOwner: string;
  let orgCount = 0;

  beforeAll(async () => {
    t = await startTestApp();
    mspOwner = await t.token(mspPrincipal('msp_owner', 'msp-a'));
  });
  afterAll(() => t.close());

  const post = (path: string, token?: string, body: object = {}) => {
    const req = t.http().post(path).set('X-Forwarded-For', CLIENT_IP).set('User-Agent', 'e2e-business-panel');
    return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(body);
  };

  /** A customer organization supervised by msp-a, its provisioning service, and its first owner. */
  async function newOrg() {
    const orgId = (await post('/organizations', mspOwner, { name: `Org ${++orgCount}` }).expect(201)).body.id as string;
    const service = await t.token(servicePrincipal({ orgId }, 'provisioning'));
    const owner = await join(orgId, service, 'org_owner', `owner${orgCount}@acme.example`);
    return { orgId, service, owner };
  }

  /** Invites, then accepts as the invitee, whose token subject is the member id the invitation gave. */
  async function join(orgId: string, inviter: string, role: OrgRole, email: string): Promise<Member> {
    const id = (await post('/org/invitations', inviter, { email, role }).expect(201)).body.id as string;
    const token = await t.token(orgPrincipal(role, orgId, { subject: id, email, name: `Name of ${email}` }));
    await post(`/org/invitations/${id}/accept`, token).expect(200);
    return { id, email, token };
  }

  const roster = (orgId: string) => t.events(`orgRoster-${orgId}`);
  const last = async (streamId: string) => (await t.events(streamId)).at(-1)!;

  describe('invitations', () => {
    it('lets the provisioning service seed the first owner, who accepts: actor, tenant and client are recorded', async () => {
      const orgId = (await post('/organizations', mspOwner, { name: 'Seeded' }).expect(201)).body.id as string;
      const service = await t.token(servicePrincipal({ orgId }, 'provisioning'));
      const res = await post('/org/invitations', service, { email: 'Olive@Acme.example', role: 'org_owner' }).expect(201);
      expect(res.body).toMatchObject({ streamId: `orgRoster-${orgId}`, revision: '0' });
      expect(res.body.position).toMatch(/^\d+$/);
      const [invited] = await roster(orgId);
      expect(invited).toMatchObject({
        id: res.body.eventIds[0],
        type: 'MemberInvited',
        data: { orgId, memberId: res.body.id, email: 'Olive@Acme.example', role: 'org_owner' },
        metadata: {
          actor: { type: 'service', id: 'provisioning', role: 'service' },
          tenant: { mspId: 'msp-a', orgId },
          client: { ip: CLIENT_IP, userAgent: 'e2e-business-panel' },
        },
      });
      const olive = await t.token(orgPrincipal('org_owner', orgId, { subject: res.body.id, email: 'olive@acme.example', name: 'Olive' }));
      const accepted = await post(`/org/invitations/${res.body.id}/accept`, olive).expect(200);
      expect(accepted.body.revision).toBe('1');
      expect(await last(`orgRoster-${orgId}`)).toMatchObject({
        type: 'MemberInvitationAccepted',
        data: { orgId, memberId: res.body.id, email: 'Olive@Acme.example', name: 'Olive', role: 'org_owner' },
        metadata: { actor: { type: 'member', id: res.body.id, email: 'olive@acme.example', role: 'org_owner' }, tenant: { mspId: 'msp-a', orgId } },
      });
      await post('/org/invitations', service, { email: 'second@acme.example', role: 'org_owner' }).expect(409);
      await post('/org/invitations', service, { email: 'admin@acme.example', role: 'org_admin' }).expect(403);
    });

    it('records only the organization as tenant when no MSP supervises it', async () => {
      const orgId = 'independent-org';
      const service = await t.token(servicePrincipal({ orgId }, 'provisioning'));
      await post('/org/invitations', service, { email: 'solo@indie.example', role: 'org_owner' }).expect(201);
      expect((await last(`orgRoster-${orgId}`)).metadata.tenant).toEqual({ orgId });
    });

    it('lets an admin invite a member, with a display name, but not an owner', async () => {
      const { orgId, owner } = await newOrg();
      const admin = await join(orgId, owner.token, 'org_admin', 'adam@acme.example');
      const res = await post('/org/invitations', admin.token, { email: 'mia@acme.example', role: 'org_member', name: 'Mia' }).expect(201);
      expect(await last(`orgRoster-${orgId}`)).toMatchObject({
        type: 'MemberInvited',
        data: { orgId, memberId: res.body.id, email: 'mia@acme.example', name: 'Mia', role: 'org_member' },
        metadata: { actor: { id: admin.id, role: 'org_admin' } },
      });
      expect((await post('/org/invitations', admin.token, { email: 'otto@acme.example', role: 'org_owner' }).expect(403)).body.message)
        .toBe('Only an owner may make an owner or act on one');
    });

    it('answers 409 for an email already invited, whatever its case', async () => {
      const { owner } = await newOrg();
      await post('/org/invitations', owner.token, { email: 'dup@acme.example', role: 'org_member' }).expect(201);
      const res = await post('/org/invitations', owner.token, { email: 'DUP@acme.example', role: 'org_member' }).expect(409);
      expect(res.body.message).toBe('This email is already a member or invited');
    });

    it('answers 400 with field messages, and refuses a forged tenant as an unknown field without writing', async () => {
      const { orgId, owner } = await newOrg();
      const bad = await post('/org/invitations', owner.token, { email: 'not-an-email', role: 'org_king' }).expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['email', 'role']);
      const before = await t.store.headPosition();
      const forged = await post('/org/invitations', owner.token, { email: 'x@acme.example', role: 'org_member', orgId: 'org-b' }).expect(400);
      expect(forged.body.fields.orgId).toEqual(['property orgId should not exist']);
      expect(await t.store.headPosition()).toBe(before);
      expect(await roster(orgId)).toHaveLength(2);
    });

    it('answers 401 without a token and 403 to roles the matrix does not allow', async () => {
      const { orgId } = await newOrg();
      await post('/org/invitations', undefined, { email: 'x@acme.example', role: 'org_member' }).expect(401);
      const member = await t.token(orgPrincipal('org_member', orgId));
      await post('/org/invitations', member, { email: 'x@acme.example', role: 'org_member' }).expect(403);
      await post('/org/invitations', mspOwner, { email: 'x@acme.example', role: 'org_member' }).expect(403);
    });

    it('lets only the invitee decline, and only a pending invitation be answered', async () => {
      const { orgId, owner } = await newOrg();
      const id = (await post('/org/invitations', owner.token, { email: 'dee@acme.example', role: 'org_member' }).expect(201)).body.id;
      const stranger = await t.token(orgPrincipal('org_member', orgId, { email: 'someone@acme.example' }));
      await post(`/org/invitations/${id}/decline`, stranger).expect(403);
      const dee = await t.token(orgPrincipal('org_member', orgId, { subject: id, email: 'dee@acme.example' }));
      await post(`/org/invitations/${id}/decline`, dee).expect(200);
      expect(await last(`orgRoster-${orgId}`)).toMatchObject({
        type: 'MemberInvitationDeclined',
        data: { orgId, memberId: id, email: 'dee@acme.example', role: 'org_member' },
        metadata: { actor: { id, email: 'dee@acme.example' }, client: { ip: CLIENT_IP } },
      });
      expect((await post(`/org/invitations/${id}/accept`, dee).expect(409)).body.message).toMatch(/not pending \(declined\)/);
    });

    it('answers 404 for an unknown invitation and 400 for a malformed id', async () => {
      const { owner } = await newOrg();
      await post('/org/invitations/no-such-member/accept', owner.token).expect(404);
      await post('/org/invitations/bad%20id!/accept', owner.token).expect(400);
    });
  });

  describe('roles and account status', () => {
    it('changes a role, suspends, reactivates and removes, each as its event', async () => {
      const { orgId, owner } = await newOrg();
      const mia = await join(orgId, owner.token, 'org_member', 'mia@acme.example');
      await post(`/org/members/${mia.id}/role`, owner.token, { role: 'org_admin' }).expect(200);
      await post(`/org/members/${mia.id}/suspend`, owner.token, { reason: 'on leave' }).expect(200);
      await post(`/org/members/${mia.id}/reactivate`, owner.token).expect(200);
      const res = await post(`/org/members/${mia.id}/remove`, owner.token).expect(200);
      expect(res.body).toMatchObject({ id: mia.id, streamId: `orgRoster-${orgId}`, revision: '7' });
      const events = (await roster(orgId)).slice(4);
      expect(events.map((e) => e.type)).toEqual(['MemberRoleChanged', 'MemberSuspended', 'MemberReactivated', 'MemberRemoved']);
      const who = { orgId, memberId: mia.id, email: 'mia@acme.example', name: 'Name of mia@acme.example' };
      expect(events[0].data).toEqual({ ...who, previousRole: 'org_member', newRole: 'org_admin' });
      expect(events[1].data).toEqual({ ...who, role: 'org_admin', reason: 'on leave' });
      expect(events[2].data).toEqual({ ...who, role: 'org_admin' });
      expect(events[3]).toMatchObject({
        data: { ...who, role: 'org_admin' },
        metadata: { actor: { id: owner.id, role: 'org_owner' }, tenant: { mspId: 'msp-a', orgId }, client: { ip: CLIENT_IP } },
      });
      await post(`/org/members/${mia.id}/suspend`, owner.token).expect(404);
    });

    it('answers 409 for refused transitions and for the last active owner', async () => {
      const { orgId, owner } = await newOrg();
      const mia = await join(orgId, owner.token, 'org_member', 'mia@acme.example');
      await post(`/org/members/${mia.id}/reactivate`, owner.token).expect(409);
      await post(`/org/members/${mia.id}/role`, owner.token, { role: 'org_member' }).expect(409);
      await post(`/org/members/${mia.id}/suspend`, owner.token).expect(200);
      await post(`/org/members/${mia.id}/suspend`, owner.token).expect(409);
      for (const [path, body] of [['role', { role: 'org_admin' }], ['suspend', {}], ['remove', {}]] as const) {
        const res = await post(`/org/members/${owner.id}/${path}`, owner.token, body).expect(409);
        expect(res.body.message).toMatch(/last active owner/);
      }
    });

    it('answers 403 when an admin acts on an owner or a member changes roles', async () => {
      const { orgId, owner } = await newOrg();
      const admin = await join(orgId, owner.token, 'org_admin', 'adam@acme.example');
      const mia = await join(orgId, owner.token, 'org_member', 'mia@acme.example');
      await post(`/org/members/${mia.id}/role`, admin.token, { role: 'org_owner' }).expect(403);
      await post(`/org/members/${owner.id}/suspend`, admin.token).expect(403);
      await post(`/org/members/${owner.id}/remove`, admin.token).expect(403);
      await post(`/org/members/${admin.id}/role`, mia.token, { role: 'org_member' }).expect(403);
      await post(`/org/members/${mia.id}/suspend`, undefined).expect(401);
    });

    it('answers 400 for a bad role or an unknown field, and 404 for another organization’s member', async () => {
      const a = await newOrg();
      const b = await newOrg();
      const mia = await join(a.orgId, a.owner.token, 'org_member', 'mia@acme.example');
      await post(`/org/members/${mia.id}/role`, a.owner.token, { role: 'msp_owner' }).expect(400);
      await post(`/org/members/${mia.id}/suspend`, a.owner.token, { orgId: b.orgId }).expect(400);
      await post(`/org/members/${mia.id}/suspend`, b.owner.token).expect(404);
      await post(`/org/members/${mia.id}/role`, b.owner.token, { role: 'org_admin' }).expect(404);
      expect((await roster(a.orgId)).map((e) => e.type).at(-1)).toBe('MemberInvitationAccepted');
    });
  });

  describe('access, sign-ins and MFA', () => {
    it('records the member’s own admin-panel access, named by the token, ignoring a body email', async () => {
      const { orgId, owner } = await newOrg();
      const res = await post(`/org/members/${owner.id}/admin-panel-access`, owner.token, { email: 'forged@evil.example' }).expect(200);
      expect(res.body).toMatchObject({ id: owner.id, streamId: `orgMember-${orgId}/${owner.id}`, revision: '0' });
      expect(await last(`orgMember-${orgId}/${owner.id}`)).toMatchObject({
        id: res.body.eventIds[0],
        type: 'AdminPanelAccessed',
        data: { orgId, memberId: owner.id, email: owner.email, name: `Name of ${owner.email}` },
        metadata: { actor: { type: 'member', id: owner.id }, tenant: { mspId: 'msp-a', orgId }, client: { ip: CLIENT_IP } },
      });
    });

    it('lets a service record a vault access, naming the member the first time', async () => {
      const { orgId, service, owner } = await newOrg();
      const mia = await join(orgId, owner.token, 'org_member', 'mia@acme.example');
      await post(`/org/members/${mia.id}/vault-access`, service, { vaultId: 'v-1' }).expect(400);
      await post(`/org/members/${mia.id}/vault-access`, service, { email: mia.email, vaultId: 'v-1', vaultName: 'Shared' }).expect(200);
      await post(`/org/members/${mia.id}/vault-access`, mia.token, { vaultId: 'v-2', vaultName: 'Private' }).expect(200);
      const [byService, bySelf] = await t.events(`orgMember-${orgId}/${mia.id}`);
      expect(byService).toMatchObject({
        type: 'VaultAccessed',
        data: { orgId, memberId: mia.id, email: mia.email, vaultId: 'v-1', vaultName: 'Shared' },
        metadata: { actor: { type: 'service', id: 'provisioning' }, tenant: { mspId: 'msp-a', orgId } },
      });
      expect(bySelf.data).toMatchObject({ vaultId: 'v-2', vaultName: 'Private', email: mia.email });
      await post(`/org/members/${mia.id}/vault-access`, owner.token, {}).expect(403);
    });

    it('records sign-ins from the sign-in service only, with a reason from the fixed list', async () => {
      const { orgId, owner } = await newOrg();
      const signIn = await t.token(servicePrincipal({ orgId }, 'sign-in-service'));
      await post(`/org/members/${owner.id}/sign-ins`, signIn, { email: owner.email }).expect(200);
      await post(`/org/members/${owner.id}/sign-in-failures`, signIn, { reason: 'wrong_password' }).expect(200);
      const res = await post(`/org/members/${owner.id}/sign-in-failures`, signIn, { reason: 'bad_luck' }).expect(400);
      expect(res.body.fields.reason).toBeDefined();
      await post(`/org/members/${owner.id}/sign-ins`, owner.token, {}).expect(403);
      await post(`/org/members/${owner.id}/sign-ins`, undefined, {}).expect(401);
      const [ok, failed] = await t.events(`orgMember-${orgId}/${owner.id}`);
      expect(ok).toMatchObject({
        type: 'MemberSignInSucceeded',
        data: { orgId, memberId: owner.id, email: owner.email },
        metadata: { actor: { type: 'service', id: 'sign-in-service', role: 'service' }, tenant: { mspId: 'msp-a', orgId }, client: { ip: CLIENT_IP } },
      });
      expect(failed).toMatchObject({ type: 'MemberSignInFailed', data: { orgId, memberId: owner.id, email: owner.email, reason: 'wrong_password' } });
    });

    it('enables and disables MFA for the member only, refusing each twice', async () => {
      const { orgId, owner } = await newOrg();
      await post(`/org/members/${owner.id}/mfa/enable`, owner.token).expect(200);
      expect((await post(`/org/members/${owner.id}/mfa/enable`, owner.token).expect(409)).body.message).toMatch(/already enabled/);
      await post(`/org/members/${owner.id}/mfa/disable`, owner.token).expect(200);
      await post(`/org/members/${owner.id}/mfa/disable`, owner.token).expect(409);
      const mia = await join(orgId, owner.token, 'org_member', 'mia@acme.example');
      await post(`/org/members/${owner.id}/mfa/enable`, mia.token).expect(403);
      const events = await t.events(`orgMember-${orgId}/${owner.id}`);
      expect(events.map((e) => e.type)).toEqual(['MemberMfaEnabled', 'MemberMfaDisabled']);
      expect(events[1]).toMatchObject({
        data: { orgId, memberId: owner.id, email: owner.email },
        metadata: { actor: { id: owner.id, role: 'org_owner' }, tenant: { mspId: 'msp-a', orgId }, client: { ip: CLIENT_IP } },
      });
    });

    it('answers 404 to another organization, and 400 for an unknown field', async () => {
      const a = await newOrg();
      const b = await newOrg();
      await post(`/org/members/${a.owner.id}/admin-panel-access`, a.owner.token).expect(200);
      await post(`/org/members/${a.owner.id}/admin-panel-access`, b.service, { email: a.owner.email }).expect(404);
      await post(`/org/members/${a.owner.id}/admin-panel-access`, a.owner.token, { orgId: b.orgId }).expect(400);
      expect(await t.events(`orgMember-${a.orgId}/${a.owner.id}`)).toHaveLength(1);
    });
  });

  describe('tenancy: another organization cannot lock a member out', () => {
    it('refuses a sign-in from organization A’s service for B’s owner (404), and B’s own service still records it', async () => {
      const a = await newOrg();
      const b = await newOrg();
      const aSignIns = await t.token(servicePrincipal({ orgId: a.orgId }, 'sign-in-service'));
      const bSignIns = await t.token(servicePrincipal({ orgId: b.orgId }, 'sign-in-service'));
      const refused = await post(`/org/members/${b.owner.id}/sign-ins`, aSignIns, { email: b.owner.email }).expect(404);
      expect(refused.body.message).toBe(`Member ${b.owner.id} not found in this organization`);
      await post(`/org/members/${b.owner.id}/sign-in-failures`, aSignIns, { email: b.owner.email, reason: 'wrong_password' }).expect(404);
      await post(`/org/members/${b.owner.id}/vault-access`, a.service, { email: b.owner.email }).expect(404);
      const own = await post(`/org/members/${b.owner.id}/sign-ins`, bSignIns, { email: b.owner.email }).expect(200);
      expect(own.body).toMatchObject({ id: b.owner.id, streamId: `orgMember-${b.orgId}/${b.owner.id}`, revision: '0' });
      expect(await t.events(`orgMember-${a.orgId}/${b.owner.id}`)).toEqual([]);
    });

    it('records for invited, active and suspended members of the roster, and for a member’s own access; not once removed or declined', async () => {
      const { orgId, owner } = await newOrg();
      const signIns = await t.token(servicePrincipal({ orgId }, 'sign-in-service'));
      const invitedId = (await post('/org/invitations', owner.token, { email: 'ina@acme.example', role: 'org_member' }).expect(201)).body.id;
      await post(`/org/members/${invitedId}/sign-ins`, signIns, { email: 'ina@acme.example' }).expect(200);
      const sam = await join(orgId, owner.token, 'org_member', 'sam@acme.example');
      await post(`/org/members/${sam.id}/suspend`, owner.token).expect(200);
      await post(`/org/members/${sam.id}/sign-in-failures`, signIns, { email: sam.email, reason: 'account_suspended' }).expect(200);
      await post(`/org/members/${sam.id}/remove`, owner.token).expect(200);
      await post(`/org/members/${sam.id}/sign-ins`, signIns, { email: sam.email }).expect(404);
      const declinedId = (await post('/org/invitations', owner.token, { email: 'dee@acme.example', role: 'org_member' }).expect(201)).body.id;
      const dee = await t.token(orgPrincipal('org_member', orgId, { subject: declinedId, email: 'dee@acme.example' }));
      await post(`/org/invitations/${declinedId}/decline`, dee).expect(200);
      await post(`/org/members/${declinedId}/sign-ins`, signIns, { email: 'dee@acme.example' }).expect(404);
      await post('/org/members/stranger/sign-ins', signIns, { email: 'x@acme.example' }).expect(404);
      // Off the roster, a member's own token still vouches for their own access.
      const unlisted = await t.token(orgPrincipal('org_admin', orgId, { subject: 'unlisted', email: 'u@acme.example' }));
      await post('/org/members/unlisted/admin-panel-access', unlisted).expect(200);
    });
  });

  it('documents the routes with request and response schemas', async () => {
    const res = await t.http().get('/openapi.json').expect(200);
    expect(res.body.paths['/org/invitations'].post.requestBody.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/InviteMemberDto',
    );
    expect(res.body.paths['/org/members/{memberId}/sign-in-failures'].post.responses['200'].content['application/json'].schema.$ref)
      .toBe('#/components/schemas/CommandResultDto');
    expect(res.body.components.schemas.SignInFailureDto.required).toEqual(['reason']);
    expect(res.body.components.schemas.InviteMemberDto.required).toEqual(['email', 'role']);
  });
});
