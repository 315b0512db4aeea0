import { v7 as uuidv7 } from 'uuid';
import { mspPrincipal, orgPrincipal } from './support/principals';
import { startTestApp, TestApp, whileViewLags } from './support/test-app';

const DAY = 24 * 60 * 60 * 1000;

interface HubRecord {
  kind: string;
  id: string;
  name: string;
  organizationId: string;
  deleted: boolean;
  position: string;
  sharingPolicy: { restrictSharingOutsideOrg: boolean };
  [key: string]: unknown;
}

describe('Sharing Hub over HTTP', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let orgX: string;
  let orgY: string;
  let folderId: string;
  let bankId: string;
  let wifiId: string;
  let oldId: string;
  let yItemId: string;

  const bob = { type: 'member', id: 'bob', displayName: 'Bob Builder' };
  const carol = { type: 'member', id: 'carol', displayName: 'Carol' };
  const ops = { type: 'group', id: 'ops', displayName: 'Operations' };
  const ref = (p: { type: string; id: string }) => ({ type: p.type, id: p.id });

  const post = (path: string, token: string, body?: object) => t.command(path, token, body);
  const get = (path: string, token: string, query: Record<string, string | number | boolean> = {}) => t.query(path, token, query);
  const names = (items: HubRecord[]) => items.map((r) => r.name);

  beforeAll(async () => {
    t = await startTestApp({ MIN_POSITION_TIMEOUT_MS: '2000' });
    const mspAdmin = await t.token(mspPrincipal('msp_admin', 'msp-a'));
    tokens.mspOwner = await t.token(mspPrincipal('msp_owner', 'msp-a'));
    orgX = (await post('/organizations', mspAdmin, { name: 'Org X' })).id;
    orgY = (await post('/organizations', mspAdmin, { name: 'Org Y' })).id;
    tokens.owner = await t.token(orgPrincipal('org_owner', orgX, { subject: 'owen', name: 'Owen' }));
    tokens.admin = await t.token(orgPrincipal('org_admin', orgX, { subject: 'ada', name: 'Ada' }));
    tokens.ann = await t.token(orgPrincipal('org_member', orgX, { subject: 'ann', name: 'Ann Archer', email: 'ann@org-x.example' }));
    tokens.yOwner = await t.token(orgPrincipal('org_owner', orgY, { subject: 'yves' }));
    tokens.yMember = await t.token(orgPrincipal('org_member', orgY, { subject: 'yara' }));

    folderId = (await post('/vault/folders', tokens.ann, { folderName: 'Finance' })).id;
    bankId = (await post('/vault/items', tokens.ann, { itemType: 'password', itemName: 'Bank login', folderId })).id;
    await post(`/vault/items/${bankId}/share`, tokens.ann, { principal: bob, rights: 'view' });
    await post(`/vault/items/${bankId}/sharing-rights`, tokens.ann, { principal: ref(bob), rights: 'edit' });
    await post(`/vault/items/${bankId}/share`, tokens.ann, { principal: carol, rights: 'view' });
    await post(`/vault/items/${bankId}/share`, tokens.ann, { principal: ops, rights: 'view' });
    await post(`/vault/items/${bankId}/revoke`, tokens.ann, { principal: ref(ops) });
    await post(`/vault/items/${bankId}/use`, tokens.ann, { usage: 'copied' });
    await post(`/vault/items/${bankId}/owner`, tokens.ann, { newOwnerMemberId: 'bob', newOwnerName: 'Bob Builder' });
    await post(`/vault/folders/${folderId}/share`, tokens.ann, { principal: ops, rights: 'manage' });
    wifiId = (await post('/vault/items', tokens.ann, { itemType: 'secure_note', itemName: 'Wifi' })).id;
    await post(`/vault/items/${wifiId}/update`, tokens.ann, { itemName: 'Guest Wifi' });
    await post(`/vault/items/${wifiId}/move`, tokens.ann, { folderId });
    oldId = (await post('/vault/items', tokens.ann, { itemType: 'credit_card', itemName: 'Old card' })).id;
    await post(`/vault/items/${oldId}/delete`, tokens.ann);
    await post('/org/policies/restrict_sharing_outside_org/enable', tokens.owner);
    yItemId = (await post('/vault/items', tokens.yMember, { itemType: 'password', itemName: 'Y secret' })).id;
    await post(`/vault/items/${yItemId}/share`, tokens.yMember, { principal: bob, rights: 'manage' });
  });
  afterAll(() => t.close());

  describe('the list', () => {
    it('shows every live item and folder, most recently changed first, with creator, owner, shares, policy and folder', async () => {
      const res = await get('/sharing-hub', tokens.owner).expect(200);
      const items: HubRecord[] = res.body.items;
      expect(names(items)).toEqual(['Guest Wifi', 'Finance', 'Bank login']);
      const positions = items.map((r) => BigInt(r.position));
      expect([...positions].sort((a, b) => (a < b ? 1 : -1))).toEqual(positions);
      expect(items.every((r) => r.sharingPolicy.restrictSharingOutsideOrg === true && r.organizationId === orgX)).toBe(true);
      const bank = items.find((r) => r.id === bankId)!;
      expect(bank).toMatchObject({
        kind: 'item',
        itemType: 'password',
        createdBy: { id: 'ann', name: 'Ann Archer', email: 'ann@org-x.example' },
        owner: { id: 'bob', name: 'Bob Builder' },
        sharedWith: [{ principal: carol, rights: 'view' }],
        folder: { id: folderId, name: 'Finance' },
        deleted: false,
        deletedAt: null,
      });
      expect(Date.parse(bank.createdAt as string)).toBeLessThanOrEqual(Date.parse(bank.updatedAt as string));
      const folder = items.find((r) => r.id === folderId)!;
      expect(folder).toMatchObject({ kind: 'folder', itemType: null, folder: null, sharedWith: [{ principal: ops, rights: 'manage' }] });
      expect(items.find((r) => r.id === wifiId)).toMatchObject({ name: 'Guest Wifi', folder: { id: folderId, name: 'Finance' } });
    });

    it('filters by kind and includes deleted ones on request', async () => {
      expect(names((await get('/sharing-hub', tokens.owner, { kind: 'folder' }).expect(200)).body.items)).toEqual(['Finance']);
      expect(names((await get('/sharing-hub', tokens.owner, { kind: 'item' }).expect(200)).body.items)).toEqual(['Guest Wifi', 'Bank login']);
      const all = (await get('/sharing-hub', tokens.owner, { includeDeleted: true }).expect(200)).body.items as HubRecord[];
      expect(names(all)).toEqual(['Old card', 'Guest Wifi', 'Finance', 'Bank login']);
      expect(all[0]).toMatchObject({ id: oldId, deleted: true, deletedAt: expect.any(String) });
      expect(names((await get('/sharing-hub', tokens.owner, { includeDeleted: false }).expect(200)).body.items)).not.toContain('Old card');
      const bad = await get('/sharing-hub', tokens.owner, { includeDeleted: 'yes', kind: 'vault' }).expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['includeDeleted', 'kind']);
    });

    it('filters by date on the last change: the last 30 days by default, never more than 90', async () => {
      const res = await get('/sharing-hub', tokens.owner).expect(200);
      expect(Date.parse(res.body.window.to) - Date.parse(res.body.window.from)).toBe(30 * DAY);
      const bank = (res.body.items as HubRecord[]).find((r) => r.id === bankId)!;
      const changed = Date.parse(bank.updatedAt as string);
      const around = { from: new Date(changed).toISOString(), to: new Date(changed + 1).toISOString() };
      expect(names((await get('/sharing-hub', tokens.owner, around).expect(200)).body.items)).toContain('Bank login');
      const before = { from: new Date(changed - DAY).toISOString(), to: new Date(changed).toISOString() };
      expect(names((await get('/sharing-hub', tokens.owner, before).expect(200)).body.items)).not.toContain('Bank login');
      const past = await get('/sharing-hub', tokens.owner, { from: '2020-01-01T00:00:00Z', to: '2020-02-01T00:00:00Z' }).expect(200);
      expect(past.body.items).toEqual([]);
      const refused = await get('/sharing-hub', tokens.owner, { from: new Date(Date.now() - 91 * DAY).toISOString() }).expect(400);
      expect(refused.body.fields.from).toEqual(['the date range must not exceed 90 days']);
    });

    it('pages with an opaque cursor, without gaps or repeats, bound to its filters', async () => {
      const whole = (await get('/sharing-hub', tokens.owner, { includeDeleted: true }).expect(200)).body.items.map((r: HubRecord) => r.id);
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await get('/sharing-hub', tokens.owner, { includeDeleted: true, limit: 1, ...(cursor && { cursor }) }).expect(200);
        expect(res.body.items.length).toBeLessThanOrEqual(1);
        paged.push(...res.body.items.map((r: HubRecord) => r.id));
        cursor = res.body.nextCursor ?? undefined;
      } while (cursor);
      expect(paged).toEqual(whole);
      expect(new Set(paged).size).toBe(4);
      const first = await get('/sharing-hub', tokens.owner, { limit: 1 }).expect(200);
      const foreign = await get('/sharing-hub', tokens.owner, { limit: 1, cursor: first.body.nextCursor, kind: 'folder' }).expect(400);
      expect(foreign.body.fields.cursor).toEqual(['cursor was issued for other filters']);
      await get('/sharing-hub', tokens.owner, { limit: 1001 }).expect(400);
    });
  });

  describe('one item or folder', () => {
    it('shows the history of sharing changes of an item, oldest first, with who did each', async () => {
      const res = await get(`/sharing-hub/items/${bankId}`, tokens.owner).expect(200);
      expect(res.body).toMatchObject({ id: bankId, kind: 'item', name: 'Bank login', owner: { id: 'bob' }, sharingPolicy: { restrictSharingOutsideOrg: true } });
      const history = res.body.history as { change: string; principal?: { id: string }; rights?: string; previousRights?: string; by: { id: string }; position: string; details?: Record<string, unknown> }[];
      expect(history.map((h) => [h.change, h.principal?.id, h.rights, h.previousRights])).toEqual([
        ['created', undefined, undefined, undefined],
        ['shared', 'bob', 'view', undefined],
        ['rights_changed', 'bob', 'edit', 'view'],
        ['shared', 'carol', 'view', undefined],
        ['shared', 'ops', 'view', undefined],
        ['access_revoked', 'ops', undefined, 'view'],
        ['owner_changed', undefined, undefined, undefined],
      ]);
      expect(history.every((h) => h.by.id === 'ann' && /^\d+$/.test(h.position))).toBe(true);
      expect(history[0].details).toEqual({ ownerId: 'ann', ownerName: 'Ann Archer', folderId, folderName: 'Finance' });
      expect(history[6].details).toEqual({
        previousOwner: { id: 'ann', name: 'Ann Archer' },
        newOwner: { id: 'bob', name: 'Bob Builder' },
        droppedShare: { principal: bob, rights: 'edit' },
      });
    });

    it('shows renames, moves and deletion, and folders with their shares', async () => {
      const wifi = await get(`/sharing-hub/items/${wifiId}`, tokens.owner).expect(200);
      expect(wifi.body.history.map((h: { change: string }) => h.change)).toEqual(['created', 'renamed', 'moved']);
      expect(wifi.body.history[1].details).toEqual({ previousName: 'Wifi', newName: 'Guest Wifi' });
      expect(wifi.body.history[2].details).toEqual({ previousFolder: null, newFolder: { id: folderId, name: 'Finance' } });
      const old = await get(`/sharing-hub/items/${oldId}`, tokens.owner).expect(200);
      expect(old.body).toMatchObject({ deleted: true });
      expect(old.body.history.map((h: { change: string }) => h.change)).toEqual(['created', 'deleted']);
      const folder = await get(`/sharing-hub/items/${folderId}`, tokens.owner).expect(200);
      expect(folder.body).toMatchObject({ kind: 'folder', name: 'Finance' });
      expect(folder.body.history.map((h: { change: string; rights?: string }) => [h.change, h.rights])).toEqual([
        ['created', undefined],
        ['shared', 'manage'],
      ]);
      expect((await get(`/sharing-hub/items/${folderId}`, tokens.owner, { kind: 'folder' }).expect(200)).body.kind).toBe('folder');
      await get(`/sharing-hub/items/${folderId}`, tokens.owner, { kind: 'item' }).expect(404);
    });

    it('answers 404 for an unknown id or another organization’s, and 400 for a malformed one', async () => {
      await get(`/sharing-hub/items/${uuidv7()}`, tokens.owner).expect(404);
      await get(`/sharing-hub/items/${yItemId}`, tokens.owner).expect(404);
      await get(`/sharing-hub/items/${bankId}`, tokens.yOwner).expect(404);
      await get('/sharing-hub/items/not-an-id', tokens.owner).expect(400);
    });
  });

  describe('access', () => {
    it('is for organization owners and admins only', async () => {
      await get('/sharing-hub', tokens.admin).expect(200);
      await get(`/sharing-hub/items/${bankId}`, tokens.admin).expect(200);
      await get('/sharing-hub', tokens.ann).expect(403);
      await get('/sharing-hub', tokens.mspOwner).expect(403);
      await t.http().get('/sharing-hub').expect(401);
    });

    it('shows admins the same records and history with generic details: no item or folder names, no item types', async () => {
      const query = { includeDeleted: true };
      const owners = (await get('/sharing-hub', tokens.owner, query).expect(200)).body.items as HubRecord[];
      const admins = (await get('/sharing-hub', tokens.admin, query).expect(200)).body.items as HubRecord[];
      expect(admins.map((r) => r.id)).toEqual(owners.map((r) => r.id));
      expect(admins.every((r) => r.name === null && r.itemType === null)).toBe(true);
      expect(admins.find((r) => r.id === bankId)).toMatchObject({
        owner: { id: 'bob', name: 'Bob Builder' },
        createdBy: { id: 'ann', name: 'Ann Archer' },
        sharedWith: [{ principal: carol, rights: 'view' }],
        folder: { id: folderId, name: null },
      });
      const details = await Promise.all([bankId, wifiId, folderId, oldId].map((id) => get(`/sharing-hub/items/${id}`, tokens.admin).expect(200)));
      expect(details[0].body.history.map((h: { change: string }) => h.change)).toHaveLength(7);
      expect(details[0].body.history[0].details).toEqual({ ownerId: 'ann', ownerName: 'Ann Archer', folderId, folderName: null });
      expect(details[1].body.history[1].details).toEqual({ previousName: null, newName: null });
      expect(details[1].body.history[2].details).toEqual({ previousFolder: null, newFolder: { id: folderId, name: null } });
      const everything = JSON.stringify([admins, ...details.map((d) => d.body)]);
      for (const hidden of ['Bank login', 'Finance', 'Wifi', 'Old card', 'password', 'secure_note', 'credit_card']) expect(everything).not.toContain(hidden);
    });

    it('keeps organizations apart: the organization always comes from the token', async () => {
      const y = await get('/sharing-hub', tokens.yOwner).expect(200);
      expect(y.body.items).toHaveLength(1);
      expect(y.body.items[0]).toMatchObject({
        id: yItemId,
        organizationId: orgY,
        sharedWith: [{ principal: bob, rights: 'manage' }],
        sharingPolicy: { restrictSharingOutsideOrg: false },
      });
      const forged = await get('/sharing-hub', tokens.yOwner, { orgId: orgX }).expect(400);
      expect(forged.body.fields.orgId).toEqual(['property orgId should not exist']);
      const x = await get('/sharing-hub', tokens.owner, { includeDeleted: true }).expect(200);
      expect(x.body.items.map((r: HubRecord) => r.id)).not.toContain(yItemId);
    });

    it('follows the policy as it is switched off again', async () => {
      await post('/org/policies/restrict_sharing_outside_org/disable', tokens.owner);
      const res = await get('/sharing-hub', tokens.owner).expect(200);
      expect(res.body.items.every((r: HubRecord) => r.sharingPolicy.restrictSharingOutsideOrg === false)).toBe(true);
    });
  });

  describe('owners manage any item and folder of their organization', () => {
    it('revokes, changes rights and owner, deletes and restores a member’s item, and the hub shows who did it', async () => {
      const itemId = (await post('/vault/items', tokens.ann, { itemType: 'password', itemName: 'Payroll' })).id;
      await post(`/vault/items/${itemId}/share`, tokens.ann, { principal: bob, rights: 'view' });
      await post(`/vault/items/${itemId}/share`, tokens.ann, { principal: carol, rights: 'view' });
      const send = (path: string, token: string, body?: object) => t.http().post(path).set('Authorization', `Bearer ${token}`).send(body ?? {});
      await send(`/vault/items/${itemId}/revoke`, tokens.admin, { principal: ref(bob) }).expect(403);
      await send(`/vault/items/${itemId}/revoke`, tokens.owner, { principal: ref(bob) }).expect(200);
      await send(`/vault/items/${itemId}/sharing-rights`, tokens.owner, { principal: ref(carol), rights: 'edit' }).expect(200);
      await send(`/vault/items/${itemId}/owner`, tokens.owner, { newOwnerMemberId: 'carol', newOwnerName: 'Carol' }).expect(200);
      await send(`/vault/items/${itemId}/delete`, tokens.owner).expect(200);
      await send(`/vault/items/${itemId}/restore`, tokens.owner).expect(200);
      // Managing is not using: the owner still needs rights of their own to see the secret.
      await send(`/vault/items/${itemId}/use`, tokens.owner, { usage: 'viewed' }).expect(403);
      const deletedAgain = await send(`/vault/items/${itemId}/delete`, tokens.owner).expect(200);
      const hub = await get(`/sharing-hub/items/${itemId}`, tokens.owner, { minPosition: deletedAgain.body.position }).expect(200);
      expect(hub.body).toMatchObject({ owner: { id: 'carol' }, sharedWith: [], deleted: true });
      expect(hub.body.history.map((h: { change: string; by: { id: string } }) => [h.change, h.by.id])).toEqual([
        ['created', 'ann'], ['shared', 'ann'], ['shared', 'ann'],
        ['access_revoked', 'owen'], ['rights_changed', 'owen'], ['owner_changed', 'owen'], ['deleted', 'owen'], ['restored', 'owen'], ['deleted', 'owen'],
      ]);
    });

    it('revokes a share on a member’s folder and deletes it; an admin may not', async () => {
      const id = (await post('/vault/folders', tokens.ann, { folderName: 'HR' })).id;
      await post(`/vault/folders/${id}/share`, tokens.ann, { principal: ops, rights: 'view' });
      const send = (path: string, token: string, body?: object) => t.http().post(path).set('Authorization', `Bearer ${token}`).send(body ?? {});
      await send(`/vault/folders/${id}/delete`, tokens.admin).expect(403);
      await send(`/vault/folders/${id}/revoke`, tokens.owner, { principal: ref(ops) }).expect(200);
      await send(`/vault/folders/${id}/delete`, tokens.owner).expect(200);
      expect((await t.events(`folder-${id}`)).map((e) => [e.type, e.metadata.actor.id])).toEqual([
        ['FolderCreated', 'ann'], ['FolderShared', 'ann'], ['FolderAccessRevoked', 'owen'], ['FolderDeleted', 'owen'],
      ]);
    });
  });

  it('answers 503 when the view cannot reach minPosition in time, and 400 to a position never written', async () => {
    const late = await whileViewLags(t, 'sharing-hub', (head) => get('/sharing-hub', tokens.owner, { minPosition: head }).expect(503));
    expect(late.body.message).toMatch(/sharing-hub view has not reached position/);
    const ahead = ((await t.store.headPosition()) + 1000n).toString();
    expect((await get('/sharing-hub', tokens.owner, { minPosition: ahead }).expect(400)).body.message).toMatch(/is past the last event written/);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await t.http().get('/openapi.json').expect(200)).body;
    expect(doc.paths['/sharing-hub'].get.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/SharingHubPageDto');
    expect(doc.paths['/sharing-hub'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['from', 'to', 'kind', 'includeDeleted', 'cursor', 'limit', 'minPosition']),
    );
    expect(doc.paths['/sharing-hub/items/{id}'].get.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/SharingHubDetailDto',
    );
  });
});
