import { InvalidInput } from './domain-errors';

/**
 * Joins the tenant and the member in the stream of a member's own access (sign-ins, MFA):
 * `orgMember-<orgId>/<memberId>`, `mspMember-<mspId>/<memberId>`. Keyed by the member alone, the
 * first tenant to write owned the stream and locked every other out. '/' never occurs in a member
 * id (the HTTP layer's MEMBER_ID_PATTERN, refused here too), so the last '/' splits any such name
 * back into exactly one (tenant, member) pair, whatever the tenant id holds.
 */
export const TENANT_MEMBER_SEPARATOR = '/';

export function tenantMemberStream(category: string, tenantId: string, memberId: string): string {
  if (memberId.includes(TENANT_MEMBER_SEPARATOR)) throw new InvalidInput(`A member id never contains '${TENANT_MEMBER_SEPARATOR}'`, 'memberId');
  return `${category}-${tenantId}${TENANT_MEMBER_SEPARATOR}${memberId}`;
}
