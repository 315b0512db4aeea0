import { fold } from '../shared/decider';
import { Forbidden, NotFound, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';
import { given } from '../testing/given-when-then';
import { folderDecider as decider, folderForItems } from './folder.decider';
import { FolderCommand } from './folder.commands';
import { FolderEvent } from './folder.events';

const owner: Initiator = { memberId: 'm-1', role: 'org_member', orgId: 'org-1', email: 'ann@acme.test' };
const bob: Initiator = { memberId: 'm-2', role: 'org_admin', orgId: 'org-1' };
const foreign: Initiator = { memberId: 'm-1', role: 'org_owner', orgId: 'org-2' };
const folderId = 'f-1';
const ref = { folderId, folderName: 'Work' };
const bobPrincipal = { type: 'member', id: 'm-2', displayName: 'Bob' } as const;
const bobRef = { type: 'member', id: 'm-2' } as const;
const team = { type: 'group', id: 'g-1', displayName: 'Finance' } as const;

const created: FolderEvent = {
  type: 'FolderCreated',
  data: { ...ref, orgId: 'org-1', ownerMemberId: 'm-1', ownerName: 'ann@acme.test' },
};
const sharedWithBob = (rights: 'view' | 'edit' | 'manage'): FolderEvent => ({
  type: 'FolderShared',
  data: { ...ref, principal: bobPrincipal, rights },
});
const deleted: FolderEvent = { type: 'FolderDeleted', data: ref };

function everyCommand(by: Initiator): FolderCommand[] {
  return [
    { type: 'ShareFolder', folderId, principal: team, rights: 'view', by },
    { type: 'RevokeFolderAccess', folderId, principal: bobRef, by },
    { type: 'DeleteFolder', folderId, by },
  ];
}

describe('Folder decider', () => {
  describe('CreateFolder', () => {
    it('creates a folder owned by its creator', () =>
      given(decider).when({ type: 'CreateFolder', ...ref, by: owner }).then([created]));
    it('refuses to create it twice', () =>
      given(decider, [created]).when({ type: 'CreateFolder', ...ref, by: owner }).thenRefuses(Refused, /already exists/));
    it('refuses to create it again once deleted', () =>
      given(decider, [created, deleted]).when({ type: 'CreateFolder', ...ref, by: owner }).thenRefuses(Refused, /already exists/));
    it('refuses an initiator without an organization', () =>
      given(decider).when({ type: 'CreateFolder', ...ref, by: { memberId: 'x', role: 'msp_owner', mspId: 'msp-1' } }).thenRefuses(NotFound));
  });

  describe('tenancy and existence', () => {
    it('answers not found for an unknown folder, whatever the command', () => {
      for (const command of everyCommand(owner)) given(decider).when(command).thenRefuses(NotFound, /f-1 not found/);
    });
    it('answers not found to another organization, whatever the command', () => {
      for (const command of everyCommand(foreign)) given(decider, [created]).when(command).thenRefuses(NotFound);
    });
  });

  describe('ShareFolder', () => {
    it('shares with a member', () =>
      given(decider, [created]).when({ type: 'ShareFolder', folderId, principal: bobPrincipal, rights: 'edit', by: owner }).then([sharedWithBob('edit')]));
    it('lets a member with manage rights share with a group', () =>
      given(decider, [created, sharedWithBob('manage')]).when({ type: 'ShareFolder', folderId, principal: team, rights: 'view', by: bob })
        .then([{ type: 'FolderShared', data: { ...ref, principal: team, rights: 'view' } }]));
    it('forbids a member with edit rights only', () =>
      given(decider, [created, sharedWithBob('edit')]).when({ type: 'ShareFolder', folderId, principal: team, rights: 'view', by: bob }).thenRefuses(Forbidden, /manage rights/));
    it('forbids a member it is not shared with, whatever their role', () =>
      given(decider, [created]).when({ type: 'ShareFolder', folderId, principal: team, rights: 'view', by: bob }).thenRefuses(Forbidden));
    it('refuses to share again with someone it is shared with', () =>
      given(decider, [created, sharedWithBob('view')]).when({ type: 'ShareFolder', folderId, principal: bobPrincipal, rights: 'manage', by: owner })
        .thenRefuses(Refused, /already shared/));
    it('refuses the owner as a share target', () =>
      given(decider, [created]).when({ type: 'ShareFolder', folderId, principal: { type: 'member', id: 'm-1', displayName: 'Ann' }, rights: 'view', by: owner })
        .thenRefuses(Refused, /owns/));
  });

  describe('RevokeFolderAccess', () => {
    it('revokes a share, naming who lost which rights', () =>
      given(decider, [created, sharedWithBob('view')]).when({ type: 'RevokeFolderAccess', folderId, principal: bobRef, by: owner })
        .then([{ type: 'FolderAccessRevoked', data: { ...ref, principal: bobPrincipal, previousRights: 'view' } }]));
    it('refuses someone it is not shared with', () =>
      given(decider, [created]).when({ type: 'RevokeFolderAccess', folderId, principal: bobRef, by: owner }).thenRefuses(Refused, /not shared/));
    it('forbids a member without manage rights', () =>
      given(decider, [created, sharedWithBob('edit')]).when({ type: 'RevokeFolderAccess', folderId, principal: bobRef, by: bob }).thenRefuses(Forbidden));
  });

  describe('DeleteFolder', () => {
    it('deletes a folder', () => given(decider, [created]).when({ type: 'DeleteFolder', folderId, by: owner }).then([deleted]));
    it('lets a member with manage rights delete it', () =>
      given(decider, [created, sharedWithBob('manage')]).when({ type: 'DeleteFolder', folderId, by: bob }).then([deleted]));
    it('forbids a member with edit rights only', () =>
      given(decider, [created, sharedWithBob('edit')]).when({ type: 'DeleteFolder', folderId, by: bob }).thenRefuses(Forbidden));
    it('refuses everything once deleted', () => {
      for (const command of everyCommand(owner)) given(decider, [created, sharedWithBob('view'), deleted]).when(command).thenRefuses(Refused, /deleted/);
    });
  });

  describe('folderForItems', () => {
    const state = (past: FolderEvent[]) => fold(decider, past);
    it('gives the folder to its owner and to members with edit rights', () => {
      expect(folderForItems(state([created]), folderId, owner)).toEqual(ref);
      expect(folderForItems(state([created, sharedWithBob('edit')]), folderId, bob)).toEqual(ref);
    });
    it('forbids a member with view rights only', () =>
      expect(() => folderForItems(state([created, sharedWithBob('view')]), folderId, bob)).toThrow(Forbidden));
    it('answers not found for an unknown folder or another organization’s', () => {
      expect(() => folderForItems(state([]), folderId, owner)).toThrow(NotFound);
      expect(() => folderForItems(state([created]), folderId, foreign)).toThrow(NotFound);
    });
    it('refuses a deleted folder', () => expect(() => folderForItems(state([created, deleted]), folderId, owner)).toThrow(Refused));
  });
  describe('an organization owner (the Sharing Hub)', () => {
    const orgOwner: Initiator = { memberId: 'o-1', role: 'org_owner', orgId: 'org-1' };
    it('revokes a share and deletes any folder of the organization', () => {
      given(decider, [created, sharedWithBob('view')]).when({ type: 'RevokeFolderAccess', folderId, principal: bobRef, by: orgOwner })
        .then([{ type: 'FolderAccessRevoked', data: { ...ref, principal: bobPrincipal, previousRights: 'view' } }]);
      given(decider, [created]).when({ type: 'DeleteFolder', folderId, by: orgOwner }).then([deleted]);
    });
    it('does not share it or put items in it without rights of their own', () => {
      given(decider, [created]).when({ type: 'ShareFolder', folderId, principal: team, rights: 'view', by: orgOwner }).thenRefuses(Forbidden);
      expect(() => folderForItems(fold(decider, [created]), folderId, orgOwner)).toThrow(Forbidden);
    });
    it('stays inside the organization, and an admin gets no such power', () => {
      given(decider, [created]).when({ type: 'DeleteFolder', folderId, by: { ...orgOwner, orgId: 'org-2' } }).thenRefuses(NotFound);
      given(decider, [created]).when({ type: 'DeleteFolder', folderId, by: { ...orgOwner, role: 'org_admin' } }).thenRefuses(Forbidden);
    });
  });
});
