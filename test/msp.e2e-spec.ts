import { MspRole } from '@app/domain';
import { CLIENT_IP, mspPrincipal, orgPrincipal, servicePrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

describe('MSP account and user management over HTTP', () => {
  let t: TestApp;
  let seq = 0;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = (path: string, token?: string, body: object = {}) => {
    const req = t.http().post(path).set('X-Forwarded-For', CLIENT_IP).set('User-Agent', 'e2e-panel');
    return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(body);
  };
  const signUp = (mspId: string) => t.token(servicePrincipal({ mspId }, 'sign-up-service'));

  /** A fresh MSP with its owner, so that every test starts from its own roster. */
  async function newMsp() {
    const n = ++seq;
    const mspId = `msp-${n}`;
    const ownerId = `owner-${n}`;
    const body = { name: `MSP ${n}`, ownerMemberId: ownerId, ownerEmail: `owner${n}@msp.example`, ownerName: 'Olga Owner' };
    await post('/msp', await signUp(mspId), body).expect(201);
    const owner = await t.token(mspPrincipal('msp_owner', mspId, { subject: ownerId, email: body.ownerEmail, name: 'Olga Owner' }));
    const admin = await t.token(mspPrincipal('msp_admin', mspId));
    const member = await t.token(mspPrincipal('msp_member', mspId));
    return { mspId, ownerId, ownerEmail: body.ownerEmail, owner, admin, member, stream: `msp-${mspId}` };
  }
  type Msp = Awaited<ReturnType<typeof newMsp>>;

  /** Invites someone; their token's subject is the member id the invitation gave them. */
  async function invite(msp: Msp, role: Exclude<MspRole, 'msp_owner'>, email = `m${++seq}@msp.example`) {
    const res = await post('/msp/invitations', msp.owner, { email, role }).expect(201);
    const memberId: string = res.body.id;
    const token = await t.token(mspPrincipal(role, msp.mspId, { subject: memberId, email, name: `Name ${memberId}` }));
    return { memberId, email, token };
  }
  async function join(msp: Msp, role: Exclude<MspRole, 'msp_owner'>) {
    const invitee = await invite(msp, role);
    await post(`/msp/invitations/${invitee.memberId}/accept`, invitee.token).expect(200);
    return invitee;
  }
  const lastEvent = async (msp: Msp) => (await t.events(msp.stream)).at(-1)!;

  describe('create the account (sign-up service)', () => {
    it('answers 201 and records the account with its owner, the service as actor, the tenant and the client', async () => {
      const token = await signUp('msp-new');
      const body = { name: 'Acme MSP', ownerMemberId: 'olga', ownerEmail: 'olga@acme.example', ownerName: 'Olga' };
      const res = await post('/msp', token, body).expect(201);
      expect(res.body).toMatchObject({ id: 'msp-new', streamId: 'msp-msp-new', revision: '0' });
      expect(res.body.position).toMatch(/^\d+$/);
      const [event] = await t.events('msp-msp-new');
      expect(event).toMatchObject({
        id: res.body.eventIds[0],
        type: 'MspAccountCreated',
        data: { mspId: 'msp-new', ...body },
        metadata: {
          actor: { type: 'service', id: 'sign-up-service', role: 'service' },
          tenant: { mspId: 'msp-new' },
          client: { ip: CLIENT_IP, userAgent: 'e2e-panel' },
        },
      });
      expect(event.position.toString()).toBe(res.body.position);
      expect((await post('/msp', token, body).expect(409)).body.message).toBe('MSP msp-new already exists');
    });

    it('answers 400 for bad or unknown fields, a forged tenant included, and writes nothing', async () => {
      const before = await t.store.headPosition();
      const token = await signUp('msp-bad');
      const valid = { name: 'X', ownerMemberId: 'o', ownerEmail: 'o@x.example', ownerName: 'O' };
      expect((await post('/msp', token, { ...valid, ownerEmail: 'nope' }).expect(400)).body.fields.ownerEmail).toBeDefined();
      expect((await post('/msp', token, { ...valid, ownerMemberId: 'a b' }).expect(400)).body.fields.ownerMemberId).toBeDefined();
      expect((await post('/msp', token, { ...valid, mspId: 'msp-other' }).expect(400)).body.fields.mspId).toEqual(['property mspId should not exist']);
      await post('/msp', token, { name: 'X' }).expect(400);
      expect(await t.store.headPosition()).toBe(before);
    });

    it('answers 401 without a token and 403 to anyone but a service', async () => {
      const body = { name: 'X', ownerMemberId: 'o', ownerEmail: 'o@x.example', ownerName: 'O' };
      await post('/msp', undefined, body).expect(401);
      await post('/msp', await t.token(mspPrincipal('msp_owner', 'msp-x')), body).expect(403);
      await post('/msp', await t.token(orgPrincipal('org_owner', 'org-x')), body).expect(403);
    });

    it('answers 404 to a service token without an MSP', async () => {
      const body = { name: 'X', ownerMemberId: 'o', ownerEmail: 'o@x.example', ownerName: 'O' };
      await post('/msp', await t.token(servicePrincipal({ orgId: 'org-x' })), body).expect(404);
    });
  });

  describe('invitations', () => {
    it('invites, and the invitee accepts: each event names the member, the role and the actor', async () => {
      const msp = await newMsp();
      const res = await post('/msp/invitations', msp.admin, { email: 'Ivy@MSP.example', role: 'msp_member', name: 'Ivy' }).expect(201);
      const memberId: string = res.body.id;
      expect(res.body).toMatchObject({ streamId: msp.stream, revision: '1' });
      expect(await lastEvent(msp)).toMatchObject({
        id: res.body.eventIds[0],
        type: 'MspMemberInvited',
        data: { memberId, email: 'Ivy@MSP.example', name: 'Ivy', role: 'msp_member' },
        metadata: { actor: { type: 'member', role: 'msp_admin' }, tenant: { mspId: msp.mspId }, client: { ip: CLIENT_IP } },
      });

      const ivy = await t.token(mspPrincipal('msp_member', msp.mspId, { subject: memberId, email: 'ivy@msp.example', name: 'Ivy V.' }));
      const accepted = await post(`/msp/invitations/${memberId}/accept`, ivy).expect(200);
      expect(accepted.body).toMatchObject({ id: memberId, revision: '2' });
      expect(await lastEvent(msp)).toMatchObject({
        type: 'MspInvitationAccepted',
        data: { memberId, email: 'Ivy@MSP.example', name: 'Ivy V.', role: 'msp_member' },
        metadata: { actor: { id: memberId, email: 'ivy@msp.example', role: 'msp_member' }, tenant: { mspId: msp.mspId } },
      });
      expect((await post(`/msp/invitations/${memberId}/accept`, ivy).expect(409)).body.message).toMatch(/is active and cannot be accepted/);
    });

    it('refuses an owner invitation, bad or unknown fields, and a forged tenant (400)', async () => {
      const msp = await newMsp();
      const owner = await post('/msp/invitations', msp.owner, { email: 'x@msp.example', role: 'msp_owner' }).expect(400);
      expect(owner.body.fields).toEqual({ role: ['Invite as msp_admin or msp_member'] });
      expect((await post('/msp/invitations', msp.owner, { email: 'x@msp.example', role: 'root' }).expect(400)).body.fields.role).toBeDefined();
      expect((await post('/msp/invitations', msp.owner, { email: 'nope', role: 'msp_member' }).expect(400)).body.fields.email).toBeDefined();
      const forged = await post('/msp/invitations', msp.owner, { email: 'x@msp.example', role: 'msp_member', mspId: 'msp-1' }).expect(400);
      expect(forged.body.fields.mspId).toEqual(['property mspId should not exist']);
      expect(await t.events(msp.stream)).toHaveLength(1);
    });

    it('refuses an email already invited or a member, whatever its case (409)', async () => {
      const msp = await newMsp();
      const invitee = await invite(msp, 'msp_admin', 'dup@msp.example');
      const res = await post('/msp/invitations', msp.owner, { email: 'DUP@msp.example', role: 'msp_member' }).expect(409);
      expect(res.body.message).toBe('This email is already a member or invited');
      await post(`/msp/invitations/${invitee.memberId}/accept`, invitee.token).expect(200);
      await post('/msp/invitations', msp.owner, { email: 'dup@msp.example', role: 'msp_member' }).expect(409);
    });

    it('answers 401 without a token, 403 to a plain member, 404 to an MSP that does not exist', async () => {
      const msp = await newMsp();
      await post('/msp/invitations', undefined, { email: 'x@msp.example', role: 'msp_member' }).expect(401);
      await post('/msp/invitations', msp.member, { email: 'x@msp.example', role: 'msp_member' }).expect(403);
      const ghost = await t.token(mspPrincipal('msp_owner', 'msp-ghost'));
      await post('/msp/invitations', ghost, { email: 'x@msp.example', role: 'msp_member' }).expect(404);
    });

    it('lets only the invitee accept (403), and hides another MSP’s invitations (404)', async () => {
      const msp = await newMsp();
      const other = await newMsp();
      const invitee = await invite(msp, 'msp_member');
      const stranger = await t.token(mspPrincipal('msp_member', msp.mspId, { email: 'someone@msp.example' }));
      expect((await post(`/msp/invitations/${invitee.memberId}/accept`, stranger).expect(403)).body.message)
        .toBe('Only the invitee can accept this invitation');
      await post(`/msp/invitations/${invitee.memberId}/accept`, msp.owner).expect(403);
      const elsewhere = await t.token(mspPrincipal('msp_member', other.mspId, { subject: invitee.memberId, email: invitee.email }));
      await post(`/msp/invitations/${invitee.memberId}/accept`, elsewhere).expect(404);
      await post('/msp/invitations/unknown-id/accept', invitee.token).expect(404);
      await post('/msp/invitations/not%20an%20id/accept', invitee.token).expect(400);
      await post(`/msp/invitations/${invitee.memberId}/accept`, invitee.token, { name: 'I', mspId: other.mspId }).expect(400);
    });

    it('revokes a pending invitation, which then can be neither accepted nor revoked again', async () => {
      const msp = await newMsp();
      const invitee = await invite(msp, 'msp_admin');
      await post(`/msp/invitations/${invitee.memberId}/revoke`, msp.member).expect(403);
      await post(`/msp/invitations/${invitee.memberId}/revoke`, (await newMsp()).owner).expect(404);
      const res = await post(`/msp/invitations/${invitee.memberId}/revoke`, msp.admin).expect(200);
      expect(await lastEvent(msp)).toMatchObject({
        id: res.body.eventIds[0],
        type: 'MspInvitationRevoked',
        data: { memberId: invitee.memberId, email: invitee.email, role: 'msp_admin' },
        metadata: { actor: { role: 'msp_admin' }, tenant: { mspId: msp.mspId }, client: { ip: CLIENT_IP } },
      });
      await post(`/msp/invitations/${invitee.memberId}/revoke`, msp.admin).expect(409);
      await post(`/msp/invitations/${invitee.memberId}/accept`, invitee.token).expect(409);
      await post('/msp/invitations', msp.owner, { email: invitee.email, role: 'msp_member' }).expect(201);
    });
  });

  describe('the roster', () => {
    it('changes a role, suspends, reactivates and removes, each as its event', async () => {
      const msp = await newMsp();
      const { memberId, email } = await join(msp, 'msp_member');
      await post(`/msp/members/${memberId}/role`, msp.admin, { role: 'msp_admin' }).expect(200);
      await post(`/msp/members/${memberId}/suspend`, msp.admin, { reason: 'left the team' }).expect(200);
      await post(`/msp/members/${memberId}/reactivate`, msp.admin).expect(200);
      const last = await post(`/msp/members/${memberId}/remove`, msp.owner).expect(200);
      expect(last.body).toMatchObject({ id: memberId, revision: '6' });
      const events = (await t.events(msp.stream)).slice(3);
      const member = { memberId, email, name: `Name ${memberId}` };
      expect(events.map(({ type, data }) => ({ type, data }))).toEqual([
        { type: 'MspMemberRoleChanged', data: { ...member, previousRole: 'msp_member', newRole: 'msp_admin' } },
        { type: 'MspMemberSuspended', data: { ...member, reason: 'left the team' } },
        { type: 'MspMemberReactivated', data: member },
        { type: 'MspMemberRemoved', data: { ...member, role: 'msp_admin' } },
      ]);
      for (const event of events) {
        expect(event.metadata).toMatchObject({ tenant: { mspId: msp.mspId }, client: { ip: CLIENT_IP, userAgent: 'e2e-panel' } });
      }
      expect(events[3].metadata.actor).toMatchObject({ type: 'member', id: msp.ownerId, role: 'msp_owner' });
      await post(`/msp/members/${memberId}/reactivate`, msp.admin).expect(404);
    });

    it('answers 409 with the reason for a refused transition', async () => {
      const msp = await newMsp();
      const { memberId } = await join(msp, 'msp_member');
      expect((await post(`/msp/members/${memberId}/role`, msp.admin, { role: 'msp_member' }).expect(409)).body.message)
        .toMatch(/already msp_member/);
      await post(`/msp/members/${memberId}/role`, msp.admin, { role: 'msp_owner' }).expect(409);
      await post(`/msp/members/${memberId}/reactivate`, msp.admin).expect(409);
      await post(`/msp/members/${memberId}/suspend`, msp.admin).expect(200);
      await post(`/msp/members/${memberId}/suspend`, msp.admin).expect(409);
      const invitee = await invite(msp, 'msp_member');
      await post(`/msp/members/${invitee.memberId}/remove`, msp.admin).expect(409);
    });

    it('keeps the owner: its role cannot change, it cannot be suspended or removed (409)', async () => {
      const msp = await newMsp();
      const res = await post(`/msp/members/${msp.ownerId}/role`, msp.admin, { role: 'msp_admin' }).expect(409);
      expect(res.body.message).toBe('The owner cannot be given another role; transfer ownership first');
      await post(`/msp/members/${msp.ownerId}/suspend`, msp.admin).expect(409);
      await post(`/msp/members/${msp.ownerId}/remove`, msp.admin).expect(409);
    });

    it('answers 400, 401, 403 and 404 where they apply', async () => {
      const msp = await newMsp();
      const other = await newMsp();
      const { memberId } = await join(msp, 'msp_member');
      expect((await post(`/msp/members/${memberId}/role`, msp.admin, { role: 'root' }).expect(400)).body.fields.role).toBeDefined();
      await post(`/msp/members/${memberId}/suspend`, msp.admin, { reason: 42 }).expect(400);
      await post(`/msp/members/${memberId}/suspend`, msp.admin, { mspId: other.mspId }).expect(400);
      await post(`/msp/members/${memberId}/suspend`, undefined).expect(401);
      for (const action of ['suspend', 'reactivate', 'remove']) await post(`/msp/members/${memberId}/${action}`, msp.member).expect(403);
      await post(`/msp/members/${memberId}/role`, msp.member, { role: 'msp_admin' }).expect(403);
      for (const action of ['suspend', 'reactivate', 'remove']) await post(`/msp/members/${memberId}/${action}`, other.owner).expect(404);
      await post(`/msp/members/${memberId}/role`, other.owner, { role: 'msp_admin' }).expect(404);
      await post('/msp/members/nobody/suspend', msp.admin).expect(404);
      expect(await t.events(msp.stream)).toHaveLength(3);
    });
  });

  describe('ownership transfer', () => {
    it('makes an active member the owner and the previous owner an admin, in one event', async () => {
      const msp = await newMsp();
      const heir = await join(msp, 'msp_admin');
      const res = await post(`/msp/members/${heir.memberId}/transfer-ownership`, msp.owner).expect(200);
      expect(res.body.eventIds).toHaveLength(1);
      expect(await lastEvent(msp)).toMatchObject({
        type: 'MspOwnershipTransferred',
        data: {
          previousOwner: { memberId: msp.ownerId, email: msp.ownerEmail, name: 'Olga Owner', newRole: 'msp_admin' },
          newOwner: { memberId: heir.memberId, email: heir.email, previousRole: 'msp_admin' },
        },
        metadata: { actor: { id: msp.ownerId, role: 'msp_owner' }, tenant: { mspId: msp.mspId }, client: { ip: CLIENT_IP } },
      });
      // The previous owner's token still says msp_owner, but they no longer are.
      expect((await post(`/msp/members/${heir.memberId}/transfer-ownership`, msp.owner).expect(403)).body.message)
        .toBe('Only the current owner can transfer ownership');
      await post(`/msp/members/${heir.memberId}/remove`, msp.admin).expect(409);
      await post(`/msp/members/${msp.ownerId}/suspend`, msp.admin).expect(200);
    });

    it('transfers only to an active member (409), only by an owner (403), only within the MSP (404)', async () => {
      const msp = await newMsp();
      const { memberId } = await join(msp, 'msp_member');
      await post(`/msp/members/${memberId}/transfer-ownership`, msp.admin).expect(403);
      await post(`/msp/members/${memberId}/transfer-ownership`, (await newMsp()).owner).expect(404);
      await post(`/msp/members/${memberId}/suspend`, msp.admin).expect(200);
      expect((await post(`/msp/members/${memberId}/transfer-ownership`, msp.owner).expect(409)).body.message)
        .toMatch(/is suspended and cannot be made owner/);
      await post(`/msp/members/${msp.ownerId}/transfer-ownership`, msp.owner).expect(409);
      await post(`/msp/members/${memberId}/transfer-ownership`, undefined).expect(401);
    });
  });

  it('serves the OpenAPI document with request and response schemas', async () => {
    const res = await t.http().get('/openapi.json').expect(200);
    const invite = res.body.paths['/msp/invitations'].post;
    expect(invite.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/InviteMspMemberDto');
    expect(invite.responses['201'].content['application/json'].schema.$ref).toBe('#/components/schemas/CommandResultDto');
    expect(res.body.components.schemas.InviteMspMemberDto.required).toEqual(['email', 'role']);
    expect(res.body.components.schemas.CreateMspAccountDto.required).toEqual(['name', 'ownerMemberId', 'ownerEmail', 'ownerName']);
    expect(res.body.paths['/msp/members/{memberId}/transfer-ownership'].post.responses['200']).toBeDefined();
  });
});
