import { AreaPrivacy, PersonalField } from '../privacy/personal-data';
import { FolderEvent } from './folder.events';
import { SharePrincipal } from './sharing';
import { VaultItemEvent } from './vault-item.events';

/** A share names a person when it is a member's; a group's name is the organization's. */
const sharedWith: readonly PersonalField<{ principal: SharePrincipal }>[] = [
  { path: 'principal.displayName', kind: 'name', subject: (d) => (d.principal.type === 'member' ? d.principal.id : undefined) },
];
const owner: readonly PersonalField<{ ownerMemberId: string; ownerName: string }>[] = [
  { path: 'ownerName', kind: 'name', subject: (d) => d.ownerMemberId },
];
const none = { retention: 'state', personal: [] } as const;

/**
 * Items and folders, their names and types are the organization's data; the people are their
 * owners and the members they are shared with. A use records that it happened: `activity`.
 */
export const vaultPrivacy: AreaPrivacy<VaultItemEvent | FolderEvent> = {
  ItemCreated: { retention: 'state', personal: owner },
  ItemUsed: { retention: 'activity', personal: [] },
  ItemUpdated: none,
  ItemShared: { retention: 'state', personal: sharedWith },
  ItemSharingRightsChanged: { retention: 'state', personal: sharedWith },
  ItemAccessRevoked: { retention: 'state', personal: sharedWith },
  ItemOwnerChanged: {
    retention: 'state',
    personal: [
      { path: 'previousOwnerName', kind: 'name', subject: (d) => d.previousOwnerMemberId },
      { path: 'newOwnerName', kind: 'name', subject: (d) => d.newOwnerMemberId },
    ],
  },
  ItemMovedToFolder: none,
  ItemDeleted: none,
  ItemRestored: none,
  FolderCreated: { retention: 'state', personal: owner },
  FolderShared: { retention: 'state', personal: sharedWith },
  FolderAccessRevoked: { retention: 'state', personal: sharedWith },
  FolderDeleted: none,
};
