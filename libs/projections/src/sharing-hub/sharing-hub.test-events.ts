import { v7 as uuidv7 } from 'uuid';
import { ItemType, SharePrincipal, SharingRights } from '@app/domain';
import { Actor, RecordedEvent } from '@app/event-store';

/** Test support: vault and policy events as the store would hand them to the projector. */

export const ANN: Actor = { type: 'member', id: 'ann', email: 'ann@acme.example', name: 'Ann Archer', role: 'org_member' };
export const BOB: SharePrincipal = { type: 'member', id: 'bob', displayName: 'Bob Builder' };
export const OPS: SharePrincipal = { type: 'group', id: 'ops', displayName: 'Operations' };

/** Hands out increasing positions and times; share one between timelines to interleave organizations. */
export class TestClock {
  constructor(
    public position = 0n,
    public time = Date.parse('2026-06-01T00:00:00.000Z'),
    public stepMs = 1000,
  ) {}

  next(): { position: bigint; occurredAt: string } {
    this.position += 1n;
    this.time += this.stepMs;
    return { position: this.position, occurredAt: new Date(this.time).toISOString() };
  }
}

/** Events of one organization, stamped by a clock. */
export class Timeline {
  constructor(
    readonly orgId: string,
    readonly clock = new TestClock(),
    readonly mspId: string | null = 'msp-1',
  ) {}

  event(type: string, streamId: string, data: Record<string, unknown>, actor: Actor = ANN): RecordedEvent {
    const { position, occurredAt } = this.clock.next();
    return {
      id: uuidv7(),
      type,
      schemaVersion: 1,
      streamId,
      revision: 0n,
      position,
      occurredAt,
      data,
      metadata: {
        actor,
        tenant: { ...(this.mspId && { mspId: this.mspId }), orgId: this.orgId },
        client: { ip: '203.0.113.7' },
      },
    };
  }

  private ref(itemId: string, itemName = 'Bank', itemType: ItemType = 'password') {
    return { itemId, itemType, itemName };
  }

  itemCreated(itemId: string, itemName = 'Bank', extra: { folderId?: string; folderName?: string; actor?: Actor } = {}) {
    const { actor = ANN, ...folder } = extra;
    const owner = { ownerMemberId: actor.id, ownerName: actor.name ?? actor.id };
    return this.event('ItemCreated', `vaultItem-${itemId}`, { ...this.ref(itemId, itemName), orgId: this.orgId, ...owner, ...folder }, actor);
  }
  itemUsed(itemId: string) {
    return this.event('ItemUsed', `vaultItem-${itemId}`, { ...this.ref(itemId), usage: 'copied' });
  }
  itemRenamed(itemId: string, previousName: string, newName: string) {
    const changes = [{ field: 'name', previousValue: previousName, newValue: newName }];
    return this.event('ItemUpdated', `vaultItem-${itemId}`, { ...this.ref(itemId, newName), changes });
  }
  itemFieldsUpdated(itemId: string, itemName = 'Bank') {
    return this.event('ItemUpdated', `vaultItem-${itemId}`, { ...this.ref(itemId, itemName), changes: [{ field: 'password' }] });
  }
  itemShared(itemId: string, principal: SharePrincipal, rights: SharingRights) {
    return this.event('ItemShared', `vaultItem-${itemId}`, { ...this.ref(itemId), principal, rights });
  }
  itemRightsChanged(itemId: string, principal: SharePrincipal, previousRights: SharingRights, newRights: SharingRights) {
    return this.event('ItemSharingRightsChanged', `vaultItem-${itemId}`, { ...this.ref(itemId), principal, previousRights, newRights });
  }
  itemAccessRevoked(itemId: string, principal: SharePrincipal, previousRights: SharingRights) {
    return this.event('ItemAccessRevoked', `vaultItem-${itemId}`, { ...this.ref(itemId), principal, previousRights });
  }
  itemOwnerChanged(itemId: string, newOwner: { id: string; name: string }, previous = { id: 'ann', name: 'Ann Archer' }) {
    return this.event('ItemOwnerChanged', `vaultItem-${itemId}`, {
      ...this.ref(itemId),
      previousOwnerMemberId: previous.id,
      previousOwnerName: previous.name,
      newOwnerMemberId: newOwner.id,
      newOwnerName: newOwner.name,
    });
  }
  itemMoved(itemId: string, from: { id: string; name: string } | null, to: { id: string; name: string } | null) {
    return this.event('ItemMovedToFolder', `vaultItem-${itemId}`, {
      ...this.ref(itemId),
      previousFolderId: from?.id ?? null,
      previousFolderName: from?.name ?? null,
      newFolderId: to?.id ?? null,
      newFolderName: to?.name ?? null,
    });
  }
  itemDeleted(itemId: string) {
    return this.event('ItemDeleted', `vaultItem-${itemId}`, this.ref(itemId));
  }
  itemRestored(itemId: string) {
    return this.event('ItemRestored', `vaultItem-${itemId}`, this.ref(itemId));
  }
  folderCreated(folderId: string, folderName = 'Work', actor: Actor = ANN) {
    const data = { folderId, folderName, orgId: this.orgId, ownerMemberId: actor.id, ownerName: actor.name ?? actor.id };
    return this.event('FolderCreated', `folder-${folderId}`, data, actor);
  }
  folderShared(folderId: string, principal: SharePrincipal, rights: SharingRights, folderName = 'Work') {
    return this.event('FolderShared', `folder-${folderId}`, { folderId, folderName, principal, rights });
  }
  folderAccessRevoked(folderId: string, principal: SharePrincipal, previousRights: SharingRights, folderName = 'Work') {
    return this.event('FolderAccessRevoked', `folder-${folderId}`, { folderId, folderName, principal, previousRights });
  }
  folderDeleted(folderId: string, folderName = 'Work') {
    return this.event('FolderDeleted', `folder-${folderId}`, { folderId, folderName });
  }
  policy(enabled: boolean, policyKey = 'restrict_sharing_outside_org') {
    const data = { orgId: this.orgId, policyKey, policyName: 'Restrict sharing outside the organization' };
    return this.event(enabled ? 'PolicyEnabled' : 'PolicyDisabled', `policy-${this.orgId}`, data);
  }
}
