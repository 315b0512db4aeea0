import { Forbidden, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';

export const SHARING_RIGHTS = ['view', 'edit', 'manage'] as const;
export const PRINCIPAL_TYPES = ['member', 'group'] as const;

export type SharingRights = (typeof SHARING_RIGHTS)[number];
export type PrincipalType = (typeof PRINCIPAL_TYPES)[number];

/** Who an item or folder is shared with, with the name the log shows. */
export interface SharePrincipal {
  type: PrincipalType;
  id: string;
  displayName: string;
}

/** How a command names an existing share target: the display name comes from the share. */
export type PrincipalRef = Pick<SharePrincipal, 'type' | 'id'>;

export interface Share {
  principal: SharePrincipal;
  rights: SharingRights;
}

export interface Shareable {
  ownerMemberId: string;
  shares: readonly Share[];
}

export type Access = SharingRights | 'owner';
const ACCESS_ORDER: readonly Access[] = ['view', 'edit', 'manage', 'owner'];

export const samePrincipal = (a: PrincipalRef, b: PrincipalRef) => a.type === b.type && a.id === b.id;

export function findShare(target: Shareable, principal: PrincipalRef): Share | undefined {
  return target.shares.find((share) => samePrincipal(share.principal, principal));
}

export const isOwnerPrincipal = (target: Shareable, principal: PrincipalRef) =>
  principal.type === 'member' && principal.id === target.ownerMemberId;

/** Only the owner and direct member shares count: the domain does not know group membership. */
export function accessOf(target: Shareable, memberId: string): Access | undefined {
  if (target.ownerMemberId === memberId) return 'owner';
  return findShare(target, { type: 'member', id: memberId })?.rights;
}

/**
 * How a refusal names an item or folder: by kind and id only. A refusal goes to someone who may
 * lack the rights to see the record (an admin who read an id from the redacted log), so it never
 * carries a name or an item type (DESIGN §1: admins see generic details only).
 */
export const recordLabel = (kind: 'item' | 'folder', id: string) => `${kind} ${id}`;

/** A share target as a refusal names it: by kind and id, never by display name. */
export const principalRefLabel = (principal: PrincipalRef) => `${principal.type} ${principal.id}`;

/**
 * The Sharing Hub's promise to organization owners: they manage (revoke, change rights or owner,
 * delete, restore) any item or folder of their organization, whoever owns it. They do not gain
 * the right to use or edit its contents; the commands that may pass on this ground are listed by
 * each decider.
 */
export const isOrgOwner = (by: Initiator) => by.role === 'org_owner';

export function requireAccess(target: Shareable, by: Initiator, needed: Access, what: string): void {
  const access = accessOf(target, by.memberId);
  if (!access || ACCESS_ORDER.indexOf(access) < ACCESS_ORDER.indexOf(needed)) {
    const need = needed === 'owner' ? 'to be the owner of' : `${needed} rights on`;
    throw new Forbidden(`You need ${need} ${what}`);
  }
}

/** A new share goes to someone who has none yet, and never to the owner. */
export function requireNewShareTarget(target: Shareable, principal: SharePrincipal, what: string): void {
  const who = principalRefLabel(principal);
  if (isOwnerPrincipal(target, principal)) throw new Refused(`${who} owns ${what} and cannot be a share target`);
  if (findShare(target, principal)) throw new Refused(`${capitalized(what)} is already shared with ${who}; change the rights instead`);
}

export function requireShare(target: Shareable, principal: PrincipalRef, what: string): Share {
  const share = findShare(target, principal);
  if (!share) throw new Refused(`${capitalized(what)} is not shared with ${principalRefLabel(principal)}`);
  return share;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function withShare(shares: readonly Share[], share: Share): Share[] {
  return [...withoutShare(shares, share.principal), share];
}

export function withoutShare(shares: readonly Share[], principal: PrincipalRef): Share[] {
  return shares.filter((share) => !samePrincipal(share.principal, principal));
}

export const displayNameOf = (by: Initiator) => by.name ?? by.email ?? by.memberId;
