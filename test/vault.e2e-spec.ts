import { v7 as uuidv7 } from 'uuid';
import { RecordedEvent } from '@app/event-store';
import { Principal } from '@app/auth';
import { CLIENT_IP, mspPrincipal, orgPrincipal, servicePrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

describe('Vault items and folders over HTTP', () => {
  let t: TestApp;
  let orgId: string; // supervised by msp-a
  let ann: Principal; // creates and owns most items
  let annToken: string;
  let bobToken: string; // org_member of the same organization
  let outsider: string; // org_owner of another organization

  const bob = { type: 'member', id: 'bob', displayName: 'Bob Builder' } as const;
  const bobRef = { type: 'member', id: 'bob' } as const;

  beforeAll(async () => {
    t = await startTestApp();
    const mspAdmin = await t.token(mspPrincipal('msp_admin', 'msp-a'));
    orgId = (await post('/organizations', mspAdmin, { name: 'Acme' }).expect(201)).body.id;
    ann = orgPrincipal('org_member', orgId, { subject: 'ann', email: 'ann@acme.example', name: 'Ann Archer' });
    annToken = await t.token(ann);
    bobToken = await t.token(orgPrincipal('org_member', orgId, { subject: 'bob' }));
    outsider = await t.token(orgPrincipal('org_owner', 'org-elsewhere', { subject: 'ann' }));
  });
  afterAll(() => t.close());

  function post(path: string, token?: string, body: object = {}) {
    const req = t.http().post(path).set('X-Forwarded-For', CLIENT_IP).set('User-Agent', 'e2e-vault');
    return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(body);
  }
  async function createItem(body: object = {}, token = annToken): Promise<string> {
    return (await post('/vault/items', token, { itemType: 'password', itemName: 'Bank', ...body }).expect(201)).body.id;
  }
  async function createFolder(folderName = 'Work', token = annToken): Promise<string> {
    return (await post('/vault/folders', token, { folderName }).expect(201)).body.id;
  }
  async function lastEvent(streamId: string): Promise<RecordedEvent> {
    const events = await t.events(streamId);
    return events[events.length - 1];
  }
  /** The answer names the event it wrote, and the event carries its actor, tenant and client. */
  async function expectRecorded(res: { body: Record<string, unknown> }, type: string, data: object, actorId = 'ann') {
    expect(res.body.position).toMatch(/^\d+$/);
    expect(res.body.eventIds).toHaveLength(1);
    const event = await lastEvent(res.body.streamId as string);
    expect(event).toMatchObject({
      id: (res.body.eventIds as string[])[0],
      type,
      data,
      metadata: {
        actor: { type: 'member', id: actorId, role: 'org_member' },
        tenant: { mspId: 'msp-a', orgId },
        client: { ip: CLIENT_IP, userAgent: 'e2e-vault' },
      },
    });
    expect(event.position.toString()).toBe(res.body.position);
    return event;
  }

  describe('create an item', () => {
    it('answers 201 and records ItemCreated with the owner, tenant (with the supervising MSP) and client', async () => {
      const res = await post('/vault/items', annToken, { itemType: 'credit_card', itemName: 'Company Visa' }).expect(201);
      expect(res.body).toMatchObject({ streamId: `vaultItem-${res.body.id}`, revision: '0' });
      const event = await expectRecorded(res, 'ItemCreated', {
        itemId: res.body.id, itemType: 'credit_card', itemName: 'Company Visa', orgId, ownerMemberId: 'ann', ownerName: 'Ann Archer',
      });
      expect(event.metadata.actor).toEqual({ type: 'member', id: 'ann', email: 'ann@acme.example', name: 'Ann Archer', role: 'org_member' });
    });

    it('places the item in a folder, naming it', async () => {
      const folderId = await createFolder('Finance');
      const res = await post('/vault/items', annToken, { itemType: 'bank_account', itemName: 'Payroll', folderId }).expect(201);
      await expectRecorded(res, 'ItemCreated', { folderId, folderName: 'Finance' });
    });

    it('answers 404, 403 or 409 for a folder the caller may not use', async () => {
      await post('/vault/items', annToken, { itemType: 'password', itemName: 'X', folderId: uuidv7() }).expect(404);
      const foreignFolder = await createFolder('Theirs', outsider);
      await post('/vault/items', annToken, { itemType: 'password', itemName: 'X', folderId: foreignFolder }).expect(404);
      const bobsFolder = await createFolder('Bob’s', bobToken);
      await post(`/vault/folders/${bobsFolder}/share`, bobToken, { principal: { type: 'member', id: 'ann', displayName: 'Ann' }, rights: 'view' }).expect(200);
      await post('/vault/items', annToken, { itemType: 'password', itemName: 'X', folderId: bobsFolder }).expect(403);
      await post(`/vault/folders/${bobsFolder}/delete`, bobToken).expect(200);
      await post('/vault/items', bobToken, { itemType: 'password', itemName: 'X', folderId: bobsFolder }).expect(409);
    });

    it('answers 400 with field messages for bad fields', async () => {
      const res = await post('/vault/items', annToken, { itemType: 'diary', itemName: '' }).expect(400);
      expect(Object.keys(res.body.fields).sort()).toEqual(['itemName', 'itemType']);
      await post('/vault/items', annToken, { itemType: 'password', itemName: 'X', folderId: 'nope' }).expect(400);
    });

    it('refuses a forged tenant in the body as an unknown field, and writes nothing', async () => {
      const before = await t.store.headPosition();
      const res = await post('/vault/items', annToken, { itemType: 'password', itemName: 'X', orgId: 'org-b', mspId: 'msp-b' }).expect(400);
      expect(res.body.fields).toEqual({ orgId: ['property orgId should not exist'], mspId: ['property mspId should not exist'] });
      expect(await t.store.headPosition()).toBe(before);
    });

    it('answers 401 without a token and 403 to roles outside the organization', async () => {
      await post('/vault/items', undefined, { itemType: 'password', itemName: 'X' }).expect(401);
      await post('/vault/items', await t.token(mspPrincipal('msp_owner', 'msp-a')), { itemType: 'password', itemName: 'X' }).expect(403);
      await post('/vault/items', await t.token(servicePrincipal({ orgId })), { itemType: 'password', itemName: 'X' }).expect(403);
    });

    it('records an organization without an MSP under its own tenant only', async () => {
      const res = await post('/vault/items', outsider, { itemType: 'ssh_key', itemName: 'Deploy key' }).expect(201);
      expect((await lastEvent(res.body.streamId)).metadata.tenant).toEqual({ orgId: 'org-elsewhere' });
    });
  });

  describe('use an item', () => {
    it('records ItemUsed for the owner', async () => {
      const itemId = await createItem();
      const res = await post(`/vault/items/${itemId}/use`, annToken, { usage: 'copied', field: 'password' }).expect(200);
      await expectRecorded(res, 'ItemUsed', { itemId, itemType: 'password', itemName: 'Bank', usage: 'copied', field: 'password' });
    });

    it('answers 403 to a member it is not shared with, and 200 once shared', async () => {
      const itemId = await createItem();
      await post(`/vault/items/${itemId}/use`, bobToken, { usage: 'viewed' }).expect(403);
      await post(`/vault/items/${itemId}/share`, annToken, { principal: bob, rights: 'view' }).expect(200);
      const res = await post(`/vault/items/${itemId}/use`, bobToken, { usage: 'autofilled' }).expect(200);
      await expectRecorded(res, 'ItemUsed', { itemId, usage: 'autofilled' }, 'bob');
    });

    it('answers 404 for an unknown item and for another organization’s, 400 for a bad id or usage', async () => {
      await post(`/vault/items/${uuidv7()}/use`, annToken, { usage: 'viewed' }).expect(404);
      const itemId = await createItem();
      await post(`/vault/items/${itemId}/use`, outsider, { usage: 'viewed' }).expect(404);
      await post('/vault/items/not-a-uuid/use', annToken, { usage: 'viewed' }).expect(400);
      await post(`/vault/items/${itemId}/use`, annToken, { usage: 'printed' }).expect(400);
      await post(`/vault/items/${itemId}/use`, annToken, { usage: 'viewed', field: 'pass word' }).expect(400);
      await post(`/vault/items/${itemId}/use`, undefined, { usage: 'viewed' }).expect(401);
    });
  });

  describe('update an item', () => {
    it('records ItemUpdated with the names, and changed secret fields by name only', async () => {
      const itemId = await createItem();
      const res = await post(`/vault/items/${itemId}/update`, annToken, { itemName: 'Bank EU', changedFields: ['password'] }).expect(200);
      const event = await expectRecorded(res, 'ItemUpdated', {
        itemId, itemName: 'Bank EU', changes: [{ field: 'name', previousValue: 'Bank', newValue: 'Bank EU' }, { field: 'password' }],
      });
      expect(event.data).not.toHaveProperty('password');
    });

    it('answers 409 when nothing changes, 400 for the name as a changed field or a secret value', async () => {
      const itemId = await createItem();
      expect((await post(`/vault/items/${itemId}/update`, annToken, { itemName: 'Bank' }).expect(409)).body.message).toBe(`Nothing changed in item ${itemId}`);
      const res = await post(`/vault/items/${itemId}/update`, annToken, { changedFields: ['name'] }).expect(400);
      expect(res.body.fields).toEqual({ changedFields: ['A new name is sent as itemName'] });
      await post(`/vault/items/${itemId}/update`, annToken, { password: 'hunter2' }).expect(400);
    });

    it('answers 403 to a member with view rights only', async () => {
      const itemId = await createItem();
      await post(`/vault/items/${itemId}/share`, annToken, { principal: bob, rights: 'view' }).expect(200);
      await post(`/vault/items/${itemId}/update`, bobToken, { changedFields: ['url'] }).expect(403);
    });
  });

  describe('share, change rights, revoke', () => {
    it('records ItemShared, ItemSharingRightsChanged and ItemAccessRevoked with the principal’s name', async () => {
      const itemId = await createItem();
      const shared = await post(`/vault/items/${itemId}/share`, annToken, { principal: bob, rights: 'view' }).expect(200);
      await expectRecorded(shared, 'ItemShared', { itemId, itemName: 'Bank', principal: bob, rights: 'view' });
      const changed = await post(`/vault/items/${itemId}/sharing-rights`, annToken, { principal: bobRef, rights: 'manage' }).expect(200);
      await expectRecorded(changed, 'ItemSharingRightsChanged', { itemId, principal: bob, previousRights: 'view', newRights: 'manage' });
      const group = { type: 'group', id: 'g-1', displayName: 'Finance team' };
      await post(`/vault/items/${itemId}/share`, bobToken, { principal: group, rights: 'edit' }).expect(200);
      const revoked = await post(`/vault/items/${itemId}/revoke`, bobToken, { principal: { type: 'group', id: 'g-1' } }).expect(200);
      await expectRecorded(revoked, 'ItemAccessRevoked', { itemId, principal: group, previousRights: 'edit' }, 'bob');
      expect(revoked.body.revision).toBe('4');
    });

    it('answers 409 for a second share, the same rights, the owner as target, or someone not shared', async () => {
      const itemId = await createItem();
      await post(`/vault/items/${itemId}/share`, annToken, { principal: bob, rights: 'view' }).expect(200);
      const again = await post(`/vault/items/${itemId}/share`, annToken, { principal: bob, rights: 'edit' }).expect(409);
      expect(again.body.message).toBe(`Item ${itemId} is already shared with member bob; change the rights instead`);
      await post(`/vault/items/${itemId}/sharing-rights`, annToken, { principal: bobRef, rights: 'view' }).expect(409);
      await post(`/vault/items/${itemId}/share`, annToken, { principal: { type: 'member', id: 'ann', displayName: 'Ann' }, rights: 'view' }).expect(409);
      await post(`/vault/items/${itemId}/revoke`, annToken, { principal: bobRef }).expect(200);
      await post(`/vault/items/${itemId}/revoke`, annToken, { principal: bobRef }).expect(409);
      await post(`/vault/items/${itemId}/sharing-rights`, annToken, { principal: bobRef, rights: 'edit' }).expect(409);
    });

    it('answers 403 to a member without manage rights', async () => {
      const itemId = await createItem();
      await post(`/vault/items/${itemId}/share`, annToken, { principal: bob, rights: 'edit' }).expect(200);
      const group = { type: 'group', id: 'g-1', displayName: 'Finance' };
      await post(`/vault/items/${itemId}/share`, bobToken, { principal: group, rights: 'view' }).expect(403);
      await post(`/vault/items/${itemId}/sharing-rights`, bobToken, { principal: bobRef, rights: 'manage' }).expect(403);
      await post(`/vault/items/${itemId}/revoke`, bobToken, { principal: bobRef }).expect(403);
    });

    it('answers 400 for a bad or unknown nested field, and 404 for another organization’s item', async () => {
      const itemId = await createItem();
      const res = await post(`/vault/items/${itemId}/share`, annToken, { principal: { ...bob, orgId: 'x' }, rights: 'all' }).expect(400);
      expect(Object.keys(res.body.fields).sort()).toEqual(['principal.orgId', 'rights']);
      await post(`/vault/items/${itemId}/share`, annToken, { principal: 'bob', rights: 'view' }).expect(400);
      await post(`/vault/items/${itemId}/revoke`, annToken, { principal: { type: 'team', id: 'bob' } }).expect(400);
      await post(`/vault/items/${itemId}/share`, outsider, { principal: bob, rights: 'view' }).expect(404);
      await post(`/vault/items/${itemId}/sharing-rights`, outsider, { principal: bobRef, rights: 'view' }).expect(404);
      await post(`/vault/items/${itemId}/revoke`, outsider, { principal: bobRef }).expect(404);
    });
  });

  describe('change the owner', () => {
    it('records ItemOwnerChanged with the previous and the new owner', async () => {
      const itemId = await createItem();
      const res = await post(`/vault/items/${itemId}/owner`, annToken, { newOwnerMemberId: 'bob', newOwnerName: 'Bob Builder' }).expect(200);
      await expectRecorded(res, 'ItemOwnerChanged', {
        itemId, previousOwnerMemberId: 'ann', previousOwnerName: 'Ann Archer', newOwnerMemberId: 'bob', newOwnerName: 'Bob Builder',
      });
      await post(`/vault/items/${itemId}/use`, bobToken, { usage: 'viewed' }).expect(200);
      await post(`/vault/items/${itemId}/use`, annToken, { usage: 'viewed' }).expect(403);
    });

    it('answers 403 to anyone but the owner, 409 for the same owner, 400 without a name', async () => {
      const itemId = await createItem();
      await post(`/vault/items/${itemId}/share`, annToken, { principal: bob, rights: 'manage' }).expect(200);
      await post(`/vault/items/${itemId}/owner`, bobToken, { newOwnerMemberId: 'bob', newOwnerName: 'Bob' }).expect(403);
      await post(`/vault/items/${itemId}/owner`, annToken, { newOwnerMemberId: 'ann', newOwnerName: 'Ann' }).expect(409);
      await post(`/vault/items/${itemId}/owner`, annToken, { newOwnerMemberId: 'bob' }).expect(400);
      await post(`/vault/items/${uuidv7()}/owner`, annToken, { newOwnerMemberId: 'bob', newOwnerName: 'Bob' }).expect(404);
    });
  });

  describe('move to a folder', () => {
    it('records ItemMovedToFolder into a folder and out of it', async () => {
      const itemId = await createItem();
      const folderId = await createFolder('Ops');
      const into = await post(`/vault/items/${itemId}/move`, annToken, { folderId }).expect(200);
      await expectRecorded(into, 'ItemMovedToFolder', { itemId, previousFolderId: null, previousFolderName: null, newFolderId: folderId, newFolderName: 'Ops' });
      const out = await post(`/vault/items/${itemId}/move`, annToken, { folderId: null }).expect(200);
      await expectRecorded(out, 'ItemMovedToFolder', { previousFolderId: folderId, previousFolderName: 'Ops', newFolderId: null, newFolderName: null });
    });

    it('answers 409 for the folder it is in, 404 for an unknown folder, 400 without a folderId', async () => {
      const folderId = await createFolder();
      const itemId = await createItem({ folderId });
      expect((await post(`/vault/items/${itemId}/move`, annToken, { folderId }).expect(409)).body.message).toBe(`Item ${itemId} is already in folder ${folderId}`);
      await post(`/vault/items/${itemId}/move`, annToken, { folderId: uuidv7() }).expect(404);
      await post(`/vault/items/${itemId}/move`, annToken, {}).expect(400);
      await post(`/vault/items/${itemId}/move`, bobToken, { folderId: null }).expect(403);
    });
  });

  describe('delete and restore', () => {
    it('records ItemDeleted and ItemRestored; a deleted item refuses everything but restore', async () => {
      const itemId = await createItem({ itemType: 'secure_note', itemName: 'Wifi' });
      const deleted = await post(`/vault/items/${itemId}/delete`, annToken).expect(200);
      await expectRecorded(deleted, 'ItemDeleted', { itemId, itemType: 'secure_note', itemName: 'Wifi' });
      expect((await post(`/vault/items/${itemId}/use`, annToken, { usage: 'viewed' }).expect(409)).body.message).toBe(`Item ${itemId} is deleted`);
      await post(`/vault/items/${itemId}/delete`, annToken).expect(409);
      const restored = await post(`/vault/items/${itemId}/restore`, annToken).expect(200);
      await expectRecorded(restored, 'ItemRestored', { itemId, itemType: 'secure_note', itemName: 'Wifi' });
      await post(`/vault/items/${itemId}/restore`, annToken).expect(409);
    });

    it('answers 403 to a member without manage rights and 404 to another organization', async () => {
      const itemId = await createItem();
      await post(`/vault/items/${itemId}/delete`, bobToken).expect(403);
      await post(`/vault/items/${itemId}/delete`, outsider).expect(404);
      await post(`/vault/items/${itemId}/restore`, outsider).expect(404);
    });

    it('refuses a forged tenant on a route without a body, and the token alone decides', async () => {
      const itemId = await createItem();
      await post(`/vault/items/${itemId}/delete`, outsider, { orgId }).expect(400);
      await post(`/vault/items/${itemId}/delete`, annToken, { orgId: 'org-elsewhere', mspId: 'msp-b' }).expect(400);
      await post(`/vault/items/${itemId}/delete`, outsider).expect(404);
      const res = await post(`/vault/items/${itemId}/delete`, annToken).expect(200);
      await expectRecorded(res, 'ItemDeleted', { itemId });
    });
  });

  describe('folders', () => {
    it('records FolderCreated, FolderShared, FolderAccessRevoked and FolderDeleted', async () => {
      const created = await post('/vault/folders', annToken, { folderName: 'Legal' }).expect(201);
      const folderId = created.body.id;
      expect(created.body.streamId).toBe(`folder-${folderId}`);
      await expectRecorded(created, 'FolderCreated', { folderId, folderName: 'Legal', orgId, ownerMemberId: 'ann', ownerName: 'Ann Archer' });
      const shared = await post(`/vault/folders/${folderId}/share`, annToken, { principal: bob, rights: 'manage' }).expect(200);
      await expectRecorded(shared, 'FolderShared', { folderId, folderName: 'Legal', principal: bob, rights: 'manage' });
      const revoked = await post(`/vault/folders/${folderId}/revoke`, annToken, { principal: bobRef }).expect(200);
      await expectRecorded(revoked, 'FolderAccessRevoked', { folderId, principal: bob, previousRights: 'manage' });
      const deleted = await post(`/vault/folders/${folderId}/delete`, annToken).expect(200);
      await expectRecorded(deleted, 'FolderDeleted', { folderId, folderName: 'Legal' });
    });

    it('answers 409 for a second share, someone not shared, the owner, or a deleted folder', async () => {
      const folderId = await createFolder();
      await post(`/vault/folders/${folderId}/share`, annToken, { principal: bob, rights: 'view' }).expect(200);
      await post(`/vault/folders/${folderId}/share`, annToken, { principal: bob, rights: 'edit' }).expect(409);
      await post(`/vault/folders/${folderId}/share`, annToken, { principal: { type: 'member', id: 'ann', displayName: 'Ann' }, rights: 'view' }).expect(409);
      await post(`/vault/folders/${folderId}/revoke`, annToken, { principal: { type: 'group', id: 'g-9' } }).expect(409);
      await post(`/vault/folders/${folderId}/delete`, annToken).expect(200);
      expect((await post(`/vault/folders/${folderId}/delete`, annToken).expect(409)).body.message).toBe(`Folder ${folderId} is deleted`);
      await post(`/vault/folders/${folderId}/revoke`, annToken, { principal: bobRef }).expect(409);
    });

    it('lets only the owner or a manager share, revoke and delete', async () => {
      const folderId = await createFolder();
      await post(`/vault/folders/${folderId}/share`, annToken, { principal: bob, rights: 'edit' }).expect(200);
      await post(`/vault/folders/${folderId}/share`, bobToken, { principal: { type: 'group', id: 'g', displayName: 'G' }, rights: 'view' }).expect(403);
      await post(`/vault/folders/${folderId}/revoke`, bobToken, { principal: bobRef }).expect(403);
      await post(`/vault/folders/${folderId}/delete`, bobToken).expect(403);
    });

    it('answers 404 for unknown and foreign folders, 400, 401 and 403 at the door', async () => {
      await post(`/vault/folders/${uuidv7()}/delete`, annToken).expect(404);
      const folderId = await createFolder();
      await post(`/vault/folders/${folderId}/share`, outsider, { principal: bob, rights: 'view' }).expect(404);
      await post(`/vault/folders/${folderId}/revoke`, outsider, { principal: bobRef }).expect(404);
      await post(`/vault/folders/${folderId}/delete`, outsider).expect(404);
      await post('/vault/folders', annToken, { folderName: '' }).expect(400);
      await post('/vault/folders', annToken, { folderName: 'X', orgId: 'org-b' }).expect(400);
      await post('/vault/folders/not-a-uuid/delete', annToken).expect(400);
      await post('/vault/folders', undefined, { folderName: 'X' }).expect(401);
      await post('/vault/folders', await t.token(mspPrincipal('msp_admin', 'msp-a')), { folderName: 'X' }).expect(403);
    });
  });

  describe('refusals', () => {
    it('name no item or folder to an admin who read their ids from the redacted Business Activity Log', async () => {
      const adminToken = await t.token(orgPrincipal('org_admin', orgId, { subject: 'adam' }));
      const folderId = await createFolder('Board Papers');
      const itemId = await createItem({ itemType: 'secure_note', itemName: 'Merger Plans', folderId });
      const shared = await post(`/vault/items/${itemId}/share`, annToken, { principal: bob, rights: 'view' }).expect(200);
      const log = await t.http().get('/activity-log/business').set('Authorization', `Bearer ${adminToken}`)
        .query({ itemId, minPosition: shared.body.position }).expect(200);
      expect(log.body.items.map((e: { item: { id: string; name: string | null } }) => e.item)).toContainEqual({ id: itemId, type: null, name: null });

      const share = { principal: { type: 'member', id: 'adam', displayName: 'Adam' }, rights: 'view' };
      const refusals = await Promise.all([
        post(`/vault/items/${itemId}/use`, adminToken, { usage: 'viewed' }),
        post(`/vault/items/${itemId}/update`, adminToken, { itemName: 'Mine now' }),
        post(`/vault/items/${itemId}/move`, adminToken, { folderId: null }),
        post(`/vault/items/${itemId}/share`, adminToken, share),
        post(`/vault/items/${itemId}/sharing-rights`, adminToken, { principal: bobRef, rights: 'manage' }),
        post(`/vault/items/${itemId}/revoke`, adminToken, { principal: bobRef }),
        post(`/vault/items/${itemId}/owner`, adminToken, { newOwnerMemberId: 'adam', newOwnerName: 'Adam' }),
        post(`/vault/items/${itemId}/delete`, adminToken),
        post(`/vault/items/${itemId}/restore`, adminToken),
        post('/vault/items', adminToken, { itemType: 'password', itemName: 'Sneaky', folderId }),
        post(`/vault/folders/${folderId}/share`, adminToken, share),
        post(`/vault/folders/${folderId}/revoke`, adminToken, { principal: bobRef }),
        post(`/vault/folders/${folderId}/delete`, adminToken),
      ]);
      for (const res of refusals) {
        expect(res.status).toBe(403);
        expect(res.body.message).toMatch(new RegExp(`${itemId}|${folderId}`));
        for (const hidden of ['Merger Plans', 'Board Papers', 'secure_note', 'secure note', 'Bob Builder']) expect(res.body.message).not.toContain(hidden);
      }
    });
  });

  it('serves the OpenAPI document with the vault schemas', async () => {
    const res = await t.http().get('/openapi.json').expect(200);
    const body = (path: string) => res.body.paths[path].post.requestBody.content['application/json'].schema.$ref;
    expect(body('/vault/items')).toBe('#/components/schemas/CreateItemDto');
    expect(body('/vault/items/{itemId}/share')).toBe('#/components/schemas/ShareDto');
    expect(body('/vault/folders')).toBe('#/components/schemas/CreateFolderDto');
    expect(res.body.components.schemas.CreateItemDto.required).toEqual(['itemType', 'itemName']);
    expect(res.body.components.schemas.ShareDto.properties.principal.$ref).toBe('#/components/schemas/SharePrincipalDto');
  });
});
