import { isMspSideRole, Role, seesItemDetails } from '@app/domain';

/**
 * Who reads an Activity Log line, whatever the channel (log query, feed, export, live tail,
 * Kafka topic, SIEM push): an MSP, an organization's owner, or an organization's admin.
 */
export type AudienceName = 'msp' | 'org_owner' | 'org_admin';

export const AUDIENCES: readonly AudienceName[] = ['msp', 'org_owner', 'org_admin'];

/** What each audience sees: only an organization's owners see item and folder types and names. */
export const AUDIENCE_RULES: Readonly<Record<AudienceName, { redactItems: boolean }>> = Object.freeze({
  msp: { redactItems: true },
  org_owner: { redactItems: false },
  org_admin: { redactItems: true },
});

/**
 * The audience of a principal's role; a role with no view of its own gets the most generic one.
 * An MSP's API keys read as the MSP; an Activity Log token as the owner or the admin, as chosen.
 */
export function audienceOfRole(role: Role): AudienceName {
  if (isMspSideRole(role)) return 'msp';
  return seesItemDetails(role) ? 'org_owner' : 'org_admin';
}
