import { ITEM_TYPE_LABELS } from '../catalog/describe-helpers';
import { fold } from '../shared/decider';
import { DomainError, Forbidden, InvalidInput, NotFound, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';
import { FolderCommand } from './folder.commands';
import { folderDecider, folderForItems } from './folder.decider';
import { FolderEvent } from './folder.events';
import { Access } from './sharing';
import { VaultItemCommand } from './vault-item.commands';
import { vaultItemDecider } from './vault-item.decider';
import { ITEM_TYPES, ItemType, VaultItemEvent } from './vault-item.events';

/**
 * Every refusal of the item and folder deciders, for every command: none may name the item or
 * folder, nor give the item's type. A refusal goes to whoever sent the command, e.g. an admin who
 * read the id from the redacted Business Activity Log and may not see either.
 */
const ITEM_NAME = 'Zebra Ledger 42';
const FOLDER_NAME = 'Quokka Projects';
const SHARE_NAME = 'Bob Builder';
const itemId = 'item-1';
const folderId = 'f-1';

const ann: Initiator = { memberId: 'ann', role: 'org_member', orgId: 'org-1', name: 'Ann' };
const bob: Initiator = { memberId: 'bob', role: 'org_admin', orgId: 'org-1' };
const stranger: Initiator = { memberId: 'eve', role: 'org_admin', orgId: 'org-1' };
const foreign: Initiator = { memberId: 'ann', role: 'org_owner', orgId: 'org-2' };
const noOrg: Initiator = { memberId: 'x', role: 'msp_admin', mspId: 'msp-1' };
const bobShare = { type: 'member', id: 'bob', displayName: SHARE_NAME } as const;
const team = { type: 'group', id: 'g-1', displayName: 'Finance Team' } as const;

const itemRef = (itemType: ItemType) => ({ itemId, itemType, itemName: ITEM_NAME });
const folderRef = { folderId, folderName: FOLDER_NAME };

type Rights = Exclude<Access, 'owner'>;

function itemHistory(itemType: ItemType, options: { bobRights?: Rights; inFolder?: boolean; deleted?: boolean } = {}): VaultItemEvent[] {
  const ref = itemRef(itemType);
  const past: VaultItemEvent[] = [{ type: 'ItemCreated', data: { ...ref, orgId: 'org-1', ownerMemberId: 'ann', ownerName: 'Ann' } }];
  if (options.inFolder) {
    past.push({
      type: 'ItemMovedToFolder',
      data: { ...ref, previousFolderId: null, previousFolderName: null, newFolderId: folderId, newFolderName: FOLDER_NAME },
    });
  }
  if (options.bobRights) past.push({ type: 'ItemShared', data: { ...ref, principal: bobShare, rights: options.bobRights } });
  if (options.deleted) past.push({ type: 'ItemDeleted', data: ref });
  return past;
}

function folderHistory(options: { bobRights?: Rights; deleted?: boolean } = {}): FolderEvent[] {
  const past: FolderEvent[] = [{ type: 'FolderCreated', data: { ...folderRef, orgId: 'org-1', ownerMemberId: 'ann', ownerName: 'Ann' } }];
  if (options.bobRights) past.push({ type: 'FolderShared', data: { ...folderRef, principal: bobShare, rights: options.bobRights } });
  if (options.deleted) past.push({ type: 'FolderDeleted', data: folderRef });
  return past;
}

/** Each live item command as `by` sends it, and the rights just below what it needs (undefined: none is below). */
const ITEM_COMMANDS: { make: (by: Initiator) => VaultItemCommand; below?: Rights }[] = [
  { make: (by) => ({ type: 'UseItem', itemId, usage: 'viewed', by }) },
  { make: (by) => ({ type: 'UpdateItem', itemId, itemName: 'Renamed', by }), below: 'view' },
  { make: (by) => ({ type: 'MoveItemToFolder', itemId, folder: null, by }), below: 'view' },
  { make: (by) => ({ type: 'ShareItem', itemId, principal: team, rights: 'view', by }), below: 'edit' },
  { make: (by) => ({ type: 'ChangeItemSharingRights', itemId, principal: bobShare, rights: 'manage', by }), below: 'edit' },
  { make: (by) => ({ type: 'RevokeItemAccess', itemId, principal: bobShare, by }), below: 'edit' },
  { make: (by) => ({ type: 'DeleteItem', itemId, by }), below: 'edit' },
  { make: (by) => ({ type: 'RestoreItem', itemId, by }), below: 'edit' },
  { make: (by) => ({ type: 'ChangeItemOwner', itemId, newOwner: { memberId: 'cy', displayName: 'Cy' }, by }), below: 'manage' },
];

const FOLDER_COMMANDS: { make: (by: Initiator) => FolderCommand }[] = [
  { make: (by) => ({ type: 'ShareFolder', folderId, principal: team, rights: 'view', by }) },
  { make: (by) => ({ type: 'RevokeFolderAccess', folderId, principal: bobShare, by }) },
  { make: (by) => ({ type: 'DeleteFolder', folderId, by }) },
];

interface RefusalCase {
  name: string;
  command: string;
  expected: new (...args: never[]) => DomainError;
  run: () => unknown;
}

const onItem = (past: VaultItemEvent[], command: VaultItemCommand) => () => vaultItemDecider.decide(command, fold(vaultItemDecider, past));
const onFolder = (past: FolderEvent[], command: FolderCommand) => () => folderDecider.decide(command, fold(folderDecider, past));

function itemCases(itemType: ItemType): RefusalCase[] {
  const cases: RefusalCase[] = [];
  const add = (name: string, command: VaultItemCommand, expected: RefusalCase['expected'], past: VaultItemEvent[]) =>
    cases.push({ name, command: command.type, expected, run: onItem(past, command) });
  const history = (options?: Parameters<typeof itemHistory>[1]) => itemHistory(itemType, options);

  for (const { make, below } of ITEM_COMMANDS) {
    add('unknown item', make(ann), NotFound, []);
    add('item of another organization', make(foreign), NotFound, history());
    add('no rights at all', make(stranger), Forbidden, history({ bobRights: 'view' }));
    if (below) add(`only ${below} rights`, make(bob), Forbidden, history({ bobRights: below }));
    if (make(ann).type === 'RestoreItem') add('not deleted', make(ann), Refused, history());
    else add('deleted', make(ann), Refused, history({ deleted: true, bobRights: 'view' }));
  }
  const create = { type: 'CreateItem', ...itemRef(itemType), by: ann } as const;
  add('already exists', create, Refused, history());
  add('initiator of no organization', { ...create, by: noOrg }, NotFound, []);
  add('nothing changed', { type: 'UpdateItem', itemId, itemName: ITEM_NAME, by: ann }, Refused, history());
  add('name among the changed fields', { type: 'UpdateItem', itemId, changedFields: ['name'], by: ann }, InvalidInput, history());
  add('owner as share target', { type: 'ShareItem', itemId, principal: { type: 'member', id: 'ann', displayName: 'Ann' }, rights: 'view', by: ann }, Refused, history());
  add('already shared', { type: 'ShareItem', itemId, principal: bobShare, rights: 'edit', by: ann }, Refused, history({ bobRights: 'view' }));
  add('rights of no share', { type: 'ChangeItemSharingRights', itemId, principal: team, rights: 'edit', by: ann }, Refused, history());
  add('same rights', { type: 'ChangeItemSharingRights', itemId, principal: bobShare, rights: 'view', by: ann }, Refused, history({ bobRights: 'view' }));
  add('revoke no share', { type: 'RevokeItemAccess', itemId, principal: team, by: ann }, Refused, history());
  add('owner already', { type: 'ChangeItemOwner', itemId, newOwner: { memberId: 'ann', displayName: 'Ann' }, by: ann }, Refused, history());
  add('already in the folder', { type: 'MoveItemToFolder', itemId, folder: folderRef, by: ann }, Refused, history({ inFolder: true }));
  add('in no folder', { type: 'MoveItemToFolder', itemId, folder: null, by: ann }, Refused, history());
  return cases;
}

function folderCases(): RefusalCase[] {
  const cases: RefusalCase[] = [];
  const add = (name: string, command: FolderCommand, expected: RefusalCase['expected'], past: FolderEvent[]) =>
    cases.push({ name, command: command.type, expected, run: onFolder(past, command) });
  for (const { make } of FOLDER_COMMANDS) {
    add('unknown folder', make(ann), NotFound, []);
    add('folder of another organization', make(foreign), NotFound, folderHistory());
    add('no rights at all', make(stranger), Forbidden, folderHistory({ bobRights: 'view' }));
    add('only edit rights', make(bob), Forbidden, folderHistory({ bobRights: 'edit' }));
    add('deleted', make(ann), Refused, folderHistory({ deleted: true }));
  }
  const create = { type: 'CreateFolder', ...folderRef, by: ann } as const;
  add('already exists', create, Refused, folderHistory());
  add('initiator of no organization', { ...create, by: noOrg }, NotFound, []);
  add('owner as share target', { type: 'ShareFolder', folderId, principal: { type: 'member', id: 'ann', displayName: 'Ann' }, rights: 'view', by: ann }, Refused, folderHistory());
  add('already shared', { type: 'ShareFolder', folderId, principal: bobShare, rights: 'edit', by: ann }, Refused, folderHistory({ bobRights: 'view' }));
  add('revoke no share', { type: 'RevokeFolderAccess', folderId, principal: team, by: ann }, Refused, folderHistory());
  // An item created in, or moved to, a folder: the folder lookup the binding runs first.
  const target = (past: FolderEvent[], by: Initiator) => () => folderForItems(fold(folderDecider, past), folderId, by);
  const intoFolder = (name: string, expected: RefusalCase['expected'], run: () => unknown) =>
    cases.push({ name, command: 'folder for CreateItem / MoveItemToFolder', expected, run });
  intoFolder('unknown folder', NotFound, target([], ann));
  intoFolder('folder of another organization', NotFound, target(folderHistory(), foreign));
  intoFolder('no rights at all', Forbidden, target(folderHistory(), stranger));
  intoFolder('only view rights', Forbidden, target(folderHistory({ bobRights: 'view' }), bob));
  intoFolder('deleted', Refused, target(folderHistory({ deleted: true }), ann));
  return cases;
}

function refusalOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal, but the command was accepted');
}

const forbiddenWords = (itemType: ItemType) => [ITEM_NAME, FOLDER_NAME, SHARE_NAME, itemType, ITEM_TYPE_LABELS[itemType]];

describe('refusals of the item and folder deciders name no item or folder', () => {
  describe.each(ITEM_TYPES.map((type) => [type]))('an item of type %s', (itemType) => {
    it.each(itemCases(itemType).map((c) => [c.command, c.name, c]))('%s, %s', (_command, _name, c) => {
      const error = refusalOf(c.run);
      expect(error).toBeInstanceOf(c.expected);
      for (const word of forbiddenWords(itemType)) expect(error.message.toLowerCase()).not.toContain(word.toLowerCase());
    });
  });

  it.each(folderCases().map((c) => [c.command, c.name, c]))('%s, %s', (_command, _name, c) => {
    const error = refusalOf(c.run);
    expect(error).toBeInstanceOf(c.expected);
    for (const word of [FOLDER_NAME, SHARE_NAME]) expect(error.message).not.toContain(word);
  });

  it('covers every command of both deciders', () => {
    const covered = new Set([...itemCases('password'), ...folderCases()].map((c) => c.command));
    const commands = [...ITEM_COMMANDS.map((c) => c.make(ann).type), 'CreateItem', ...FOLDER_COMMANDS.map((c) => c.make(ann).type), 'CreateFolder'];
    expect(commands.filter((type) => !covered.has(type))).toEqual([]);
    expect(new Set(commands).size).toBe(14);
  });
});
