import { Forbidden, InvalidInput, NotFound, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';
import { given } from '../testing/given-when-then';
import { vaultItemDecider as decider } from './vault-item.decider';
import { VaultItemCommand } from './vault-item.commands';
import { VaultItemEvent } from './vault-item.events';

const owner: Initiator = { memberId: 'm-1', role: 'org_member', orgId: 'org-1', name: 'Ann' };
const bob: Initiator = { memberId: 'm-2', role: 'org_member', orgId: 'org-1' };
const foreign: Initiator = { memberId: 'm-1', role: 'org_owner', orgId: 'org-2' };
const itemId = 'item-1';
const ref = { itemId, itemType: 'password', itemName: 'Bank' } as const;
const bobPrincipal = { type: 'member', id: 'm-2', displayName: 'Bob' } as const;
const bobRef = { type: 'member', id: 'm-2' } as const;
const team = { type: 'group', id: 'g-1', displayName: 'Finance' } as const;

const created: VaultItemEvent = {
  type: 'ItemCreated',
  data: { ...ref, orgId: 'org-1', ownerMemberId: 'm-1', ownerName: 'Ann' },
};
const sharedWithBob = (rights: 'view' | 'edit' | 'manage'): VaultItemEvent => ({
  type: 'ItemShared',
  data: { ...ref, principal: bobPrincipal, rights },
});
const deleted: VaultItemEvent = { type: 'ItemDeleted', data: ref };
const inFolder: VaultItemEvent = {
  type: 'ItemMovedToFolder',
  data: { ...ref, previousFolderId: null, previousFolderName: null, newFolderId: 'f-1', newFolderName: 'Work' },
};

/** Every command but CreateItem, sent by `by`. */
function everyCommand(by: Initiator): VaultItemCommand[] {
  return [
    { type: 'UseItem', itemId, usage: 'viewed', by },
    { type: 'UpdateItem', itemId, itemName: 'New', by },
    { type: 'ShareItem', itemId, principal: team, rights: 'view', by },
    { type: 'ChangeItemSharingRights', itemId, principal: bobRef, rights: 'edit', by },
    { type: 'RevokeItemAccess', itemId, principal: bobRef, by },
    { type: 'ChangeItemOwner', itemId, newOwner: { memberId: 'm-3', displayName: 'Cy' }, by },
    { type: 'MoveItemToFolder', itemId, folder: null, by },
    { type: 'DeleteItem', itemId, by },
    { type: 'RestoreItem', itemId, by },
  ];
}

describe('Vault item decider', () => {
  describe('CreateItem', () => {
    it('creates an item owned by its creator, in the creator’s organization', () =>
      given(decider).when({ type: 'CreateItem', ...ref, by: owner }).then([created]));
    it('places it in a folder when one is given', () =>
      given(decider)
        .when({ type: 'CreateItem', ...ref, folder: { folderId: 'f-1', folderName: 'Work' }, by: owner })
        .then([{ type: 'ItemCreated', data: { ...created.data, folderId: 'f-1', folderName: 'Work' } }]));
    it('names the owner by email when the token has no name', () =>
      given(decider)
        .when({ type: 'CreateItem', ...ref, by: { ...bob, email: 'bob@acme.test' } })
        .then([{ type: 'ItemCreated', data: { ...ref, orgId: 'org-1', ownerMemberId: 'm-2', ownerName: 'bob@acme.test' } }]));
    it('refuses to create it twice', () =>
      given(decider, [created]).when({ type: 'CreateItem', ...ref, by: owner }).thenRefuses(Refused, /already exists/));
    it('refuses an initiator without an organization', () =>
      given(decider).when({ type: 'CreateItem', ...ref, by: { memberId: 'x', role: 'msp_admin', mspId: 'msp-1' } }).thenRefuses(NotFound));
  });

  describe('tenancy and existence', () => {
    it('answers not found for an unknown item, whatever the command', () => {
      for (const command of everyCommand(owner)) given(decider).when(command).thenRefuses(NotFound, /item-1 not found/);
    });
    it('answers not found to another organization, whatever the command', () => {
      for (const command of everyCommand(foreign)) given(decider, [created]).when(command).thenRefuses(NotFound);
    });
  });

  describe('UseItem', () => {
    it('records the owner copying a field', () =>
      given(decider, [created]).when({ type: 'UseItem', itemId, usage: 'copied', field: 'password', by: owner })
        .then([{ type: 'ItemUsed', data: { ...ref, usage: 'copied', field: 'password' } }]));
    it('lets a member with view rights use it', () =>
      given(decider, [created, sharedWithBob('view')]).when({ type: 'UseItem', itemId, usage: 'autofilled', by: bob })
        .then([{ type: 'ItemUsed', data: { ...ref, usage: 'autofilled' } }]));
    it('forbids a member it is not shared with', () =>
      given(decider, [created]).when({ type: 'UseItem', itemId, usage: 'viewed', by: bob }).thenRefuses(Forbidden, /view rights/));
    it('does not count group shares: group membership is unknown here', () =>
      given(decider, [created, { type: 'ItemShared', data: { ...ref, principal: { ...team, id: 'm-2' }, rights: 'manage' } }])
        .when({ type: 'UseItem', itemId, usage: 'viewed', by: bob }).thenRefuses(Forbidden));
  });

  describe('UpdateItem', () => {
    it('records a rename with previous and new names, and the other fields by name only', () =>
      given(decider, [created]).when({ type: 'UpdateItem', itemId, itemName: 'Bank EU', changedFields: ['password', 'password'], by: owner })
        .then([{
          type: 'ItemUpdated',
          data: { ...ref, itemName: 'Bank EU', changes: [{ field: 'name', previousValue: 'Bank', newValue: 'Bank EU' }, { field: 'password' }] },
        }]));
    it('lets a member with edit rights update it', () =>
      given(decider, [created, sharedWithBob('edit')]).when({ type: 'UpdateItem', itemId, changedFields: ['url'], by: bob })
        .then([{ type: 'ItemUpdated', data: { ...ref, changes: [{ field: 'url' }] } }]));
    it('forbids a member with view rights only', () =>
      given(decider, [created, sharedWithBob('view')]).when({ type: 'UpdateItem', itemId, changedFields: ['url'], by: bob }).thenRefuses(Forbidden, /edit rights/));
    it('refuses an update that changes nothing', () =>
      given(decider, [created]).when({ type: 'UpdateItem', itemId, itemName: 'Bank', by: owner }).thenRefuses(Refused, /Nothing changed/));
    it('refuses the name listed as a changed field', () =>
      given(decider, [created]).when({ type: 'UpdateItem', itemId, changedFields: ['name'], by: owner }).thenRefuses(InvalidInput, /itemName/));
    it('shows the new name in later events', () =>
      given(decider, [created, { type: 'ItemUpdated', data: { ...ref, itemName: 'B2', changes: [] } }])
        .when({ type: 'DeleteItem', itemId, by: owner }).then([{ type: 'ItemDeleted', data: { ...ref, itemName: 'B2' } }]));
  });

  describe('ShareItem', () => {
    it('shares with a member', () =>
      given(decider, [created]).when({ type: 'ShareItem', itemId, principal: bobPrincipal, rights: 'edit', by: owner }).then([sharedWithBob('edit')]));
    it('lets a member with manage rights share with a group', () =>
      given(decider, [created, sharedWithBob('manage')]).when({ type: 'ShareItem', itemId, principal: team, rights: 'view', by: bob })
        .then([{ type: 'ItemShared', data: { ...ref, principal: team, rights: 'view' } }]));
    it('forbids a member with edit rights only', () =>
      given(decider, [created, sharedWithBob('edit')]).when({ type: 'ShareItem', itemId, principal: team, rights: 'view', by: bob }).thenRefuses(Forbidden, /manage rights/));
    it('refuses to share again with someone it is shared with', () =>
      given(decider, [created, sharedWithBob('view')]).when({ type: 'ShareItem', itemId, principal: bobPrincipal, rights: 'edit', by: owner })
        .thenRefuses(Refused, /already shared with member m-2; change the rights/));
    it('refuses the owner as a share target', () =>
      given(decider, [created]).when({ type: 'ShareItem', itemId, principal: { type: 'member', id: 'm-1', displayName: 'Ann' }, rights: 'view', by: owner })
        .thenRefuses(Refused, /owns/));
  });

  describe('ChangeItemSharingRights', () => {
    it('records the previous and the new rights', () =>
      given(decider, [created, sharedWithBob('view')]).when({ type: 'ChangeItemSharingRights', itemId, principal: bobRef, rights: 'manage', by: owner })
        .then([{ type: 'ItemSharingRightsChanged', data: { ...ref, principal: bobPrincipal, previousRights: 'view', newRights: 'manage' } }]));
    it('refuses a change to the same rights', () =>
      given(decider, [created, sharedWithBob('view')]).when({ type: 'ChangeItemSharingRights', itemId, principal: bobRef, rights: 'view', by: owner })
        .thenRefuses(Refused, /already has view rights/));
    it('refuses someone it is not shared with', () =>
      given(decider, [created]).when({ type: 'ChangeItemSharingRights', itemId, principal: bobRef, rights: 'view', by: owner }).thenRefuses(Refused, /not shared/));
    it('forbids a member without manage rights', () =>
      given(decider, [created, sharedWithBob('edit')]).when({ type: 'ChangeItemSharingRights', itemId, principal: bobRef, rights: 'manage', by: bob }).thenRefuses(Forbidden));
  });

  describe('RevokeItemAccess', () => {
    it('revokes a share, naming who lost which rights', () =>
      given(decider, [created, sharedWithBob('edit')]).when({ type: 'RevokeItemAccess', itemId, principal: bobRef, by: owner })
        .then([{ type: 'ItemAccessRevoked', data: { ...ref, principal: bobPrincipal, previousRights: 'edit' } }]));
    it('refuses someone it is not shared with', () =>
      given(decider, [created]).when({ type: 'RevokeItemAccess', itemId, principal: bobRef, by: owner }).thenRefuses(Refused, /not shared/));
    it('forbids a member without manage rights', () =>
      given(decider, [created, sharedWithBob('view')]).when({ type: 'RevokeItemAccess', itemId, principal: bobRef, by: bob }).thenRefuses(Forbidden));
    it('takes the access away', () =>
      given(decider, [created, sharedWithBob('view'), { type: 'ItemAccessRevoked', data: { ...ref, principal: bobPrincipal, previousRights: 'view' } }])
        .when({ type: 'UseItem', itemId, usage: 'viewed', by: bob }).thenRefuses(Forbidden));
  });

  describe('ChangeItemOwner', () => {
    const toBob: VaultItemCommand = { type: 'ChangeItemOwner', itemId, newOwner: { memberId: 'm-2', displayName: 'Bob' }, by: owner };
    const ownerChanged: VaultItemEvent = {
      type: 'ItemOwnerChanged',
      data: { ...ref, previousOwnerMemberId: 'm-1', previousOwnerName: 'Ann', newOwnerMemberId: 'm-2', newOwnerName: 'Bob' },
    };
    it('records the previous and the new owner', () => given(decider, [created]).when(toBob).then([ownerChanged]));
    it('refuses the current owner as the new one', () =>
      given(decider, [created]).when({ ...toBob, newOwner: { memberId: 'm-1', displayName: 'Ann' } }).thenRefuses(Refused, /already owns/));
    it('forbids anyone but the owner, even with manage rights', () =>
      given(decider, [created, sharedWithBob('manage')]).when({ ...toBob, by: bob }).thenRefuses(Forbidden, /owner/));
    it('hands the owner’s powers over and drops the new owner’s share', () => {
      given(decider, [created, sharedWithBob('view'), ownerChanged]).when({ ...toBob, newOwner: { memberId: 'm-3', displayName: 'Cy' }, by: owner }).thenRefuses(Forbidden);
      given(decider, [created, sharedWithBob('view'), ownerChanged]).when({ type: 'ShareItem', itemId, principal: bobPrincipal, rights: 'view', by: bob })
        .thenRefuses(Refused, /member m-2 owns/);
    });
  });

  describe('MoveItemToFolder', () => {
    const toWork: VaultItemCommand = { type: 'MoveItemToFolder', itemId, folder: { folderId: 'f-1', folderName: 'Work' }, by: owner };
    it('moves an item into a folder', () => given(decider, [created]).when(toWork).then([inFolder]));
    it('moves it out of its folder', () =>
      given(decider, [created, inFolder]).when({ ...toWork, folder: null })
        .then([{ type: 'ItemMovedToFolder', data: { ...ref, previousFolderId: 'f-1', previousFolderName: 'Work', newFolderId: null, newFolderName: null } }]));
    it('refuses the folder it is already in', () =>
      given(decider, [created, inFolder]).when(toWork).thenRefuses(Refused, /already in folder f-1/));
    it('refuses to take it out of no folder', () =>
      given(decider, [created]).when({ ...toWork, folder: null }).thenRefuses(Refused, /in no folder/));
    it('forbids a member with view rights only', () =>
      given(decider, [created, sharedWithBob('view')]).when({ ...toWork, by: bob }).thenRefuses(Forbidden));
  });

  describe('DeleteItem and RestoreItem', () => {
    it('deletes an item', () => given(decider, [created]).when({ type: 'DeleteItem', itemId, by: owner }).then([deleted]));
    it('lets a member with manage rights delete it', () =>
      given(decider, [created, sharedWithBob('manage')]).when({ type: 'DeleteItem', itemId, by: bob }).then([deleted]));
    it('forbids a member with edit rights only', () =>
      given(decider, [created, sharedWithBob('edit')]).when({ type: 'DeleteItem', itemId, by: bob }).thenRefuses(Forbidden));
    it('restores a deleted item', () =>
      given(decider, [created, deleted]).when({ type: 'RestoreItem', itemId, by: owner }).then([{ type: 'ItemRestored', data: ref }]));
    it('refuses to restore an item that is not deleted', () =>
      given(decider, [created]).when({ type: 'RestoreItem', itemId, by: owner }).thenRefuses(Refused, /is not deleted/));
    it('forbids restoring without manage rights', () =>
      given(decider, [created, sharedWithBob('view'), deleted]).when({ type: 'RestoreItem', itemId, by: bob }).thenRefuses(Forbidden));
    it('refuses everything but restore on a deleted item', () => {
      const past = [created, sharedWithBob('view'), deleted];
      for (const command of everyCommand(owner).filter((c) => c.type !== 'RestoreItem')) {
        given(decider, past).when(command).thenRefuses(Refused, /item-1 is deleted/);
      }
    });
    it('accepts commands again once restored', () =>
      given(decider, [created, deleted, { type: 'ItemRestored', data: ref }]).when({ type: 'UseItem', itemId, usage: 'viewed', by: owner })
        .then([{ type: 'ItemUsed', data: { ...ref, usage: 'viewed' } }]));
  });
  describe('an organization owner (the Sharing Hub)', () => {
    const orgOwner: Initiator = { memberId: 'o-1', role: 'org_owner', orgId: 'org-1', name: 'Olga' };
    const past = [created, sharedWithBob('view')];
    it('revokes, changes rights, changes the owner, deletes and restores an item shared with nobody it knows', () => {
      given(decider, past).when({ type: 'RevokeItemAccess', itemId, principal: bobRef, by: orgOwner })
        .then([{ type: 'ItemAccessRevoked', data: { ...ref, principal: bobPrincipal, previousRights: 'view' } }]);
      given(decider, past).when({ type: 'ChangeItemSharingRights', itemId, principal: bobRef, rights: 'edit', by: orgOwner })
        .then([{ type: 'ItemSharingRightsChanged', data: { ...ref, principal: bobPrincipal, previousRights: 'view', newRights: 'edit' } }]);
      given(decider, past).when({ type: 'ChangeItemOwner', itemId, newOwner: { memberId: 'm-2', displayName: 'Bob' }, by: orgOwner })
        .then([{ type: 'ItemOwnerChanged', data: { ...ref, previousOwnerMemberId: 'm-1', previousOwnerName: 'Ann', newOwnerMemberId: 'm-2', newOwnerName: 'Bob' } }]);
      given(decider, past).when({ type: 'DeleteItem', itemId, by: orgOwner }).then([deleted]);
      given(decider, [...past, deleted]).when({ type: 'RestoreItem', itemId, by: orgOwner }).then([{ type: 'ItemRestored', data: ref }]);
    });
    it('does not use, edit, move or share it without rights of their own', () => {
      given(decider, past).when({ type: 'UseItem', itemId, usage: 'viewed', by: orgOwner }).thenRefuses(Forbidden, /view rights on item item-1/);
      given(decider, past).when({ type: 'UpdateItem', itemId, itemName: 'X', by: orgOwner }).thenRefuses(Forbidden);
      given(decider, past).when({ type: 'MoveItemToFolder', itemId, folder: null, by: orgOwner }).thenRefuses(Forbidden);
      given(decider, past).when({ type: 'ShareItem', itemId, principal: team, rights: 'view', by: orgOwner }).thenRefuses(Forbidden);
    });
    it('keeps the rules that are not about rights, and stays inside the organization', () => {
      given(decider, [...past, deleted]).when({ type: 'RevokeItemAccess', itemId, principal: bobRef, by: orgOwner }).thenRefuses(Refused, /deleted/);
      given(decider, past).when({ type: 'RevokeItemAccess', itemId, principal: { type: 'member', id: 'm-9' }, by: orgOwner }).thenRefuses(Refused, /not shared/);
      given(decider, past).when({ type: 'DeleteItem', itemId, by: { ...orgOwner, orgId: 'org-2' } }).thenRefuses(NotFound);
    });
    it('is an owner by role: an admin or member gets no such power', () => {
      for (const role of ['org_admin', 'org_member'] as const) {
        given(decider, past).when({ type: 'DeleteItem', itemId, by: { ...orgOwner, role } }).thenRefuses(Forbidden);
      }
    });
  });
});
