import { OrgRole } from '../access/roles';
import { SharePrincipal } from '../vault/sharing';
import { ItemType } from '../vault/vault-item.events';

export const quote = (text: string) => `'${text}'`;

/** Free-text reasons are shown, cut short so that the sentence stays one line. */
export const because = (reason?: string) =>
  reason ? ` (reason: ${reason.length > 80 ? `${reason.slice(0, 79)}…` : reason})` : '';

/** A person as a sentence names them: their name, else their email. */
export const who = (person: { email: string; name?: string }) => person.name || person.email;

export const ORG_ROLE_LABELS: Record<OrgRole, string> = { org_owner: 'owner', org_admin: 'admin', org_member: 'member' };

export const ITEM_TYPE_LABELS: Record<ItemType, string> = {
  password: 'password',
  secure_note: 'secure note',
  credit_card: 'credit card',
  personal_info: 'personal info',
  passkey: 'passkey',
  bank_account: 'bank account',
  ssh_key: 'SSH key',
  software_license: 'software license',
};

/** Who an item or folder is shared with: a member by name, a group as such. */
export const principalLabel = (principal: SharePrincipal) =>
  principal.type === 'group' ? `group ${quote(principal.displayName)}` : principal.displayName;

/** "password 'Bank login'" for owners, "an item" for admins (no type, no name). */
export function itemLabel(item: { itemType: ItemType; itemName: string }, redact: boolean): string {
  return redact ? 'an item' : `${ITEM_TYPE_LABELS[item.itemType] ?? item.itemType} ${quote(item.itemName)}`;
}

/** "folder 'Finance'" for owners, "a folder" for admins (no name). */
export function folderLabel(folderName: string, redact: boolean): string {
  return redact ? 'a folder' : `folder ${quote(folderName)}`;
}
