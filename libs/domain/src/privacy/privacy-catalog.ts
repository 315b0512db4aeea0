import { billingPrivacy } from '../billing/billing.personal-data';
import { integrationsPrivacy } from '../integrations/integrations.personal-data';
import { mspAccessPrivacy } from '../msp-access/msp-access.personal-data';
import { mspPrivacy } from '../msp/msp.personal-data';
import { orgMembersPrivacy } from '../org-members/org-members.personal-data';
import { organizationsPrivacy } from '../organizations/organizations.personal-data';
import { policiesPrivacy } from '../policies/policies.personal-data';
import { settingsPrivacy } from '../settings/settings.personal-data';
import { vaultPrivacy } from '../vault/vault.personal-data';
import { EventPrivacy } from './personal-data';

/**
 * Every event type with what it holds of people and how long its payload lives: the one table
 * the sealing at write time reads (each area states its own, typed against its events' data).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- looked up by type string, whatever the data
export const EVENT_PRIVACY: Readonly<Record<string, EventPrivacy<any>>> = Object.freeze({
  ...mspPrivacy,
  ...mspAccessPrivacy,
  ...organizationsPrivacy,
  ...integrationsPrivacy,
  ...billingPrivacy,
  ...settingsPrivacy,
  ...orgMembersPrivacy,
  ...policiesPrivacy,
  ...vaultPrivacy,
});

/**
 * An event type's declaration. A type the domain does not know (a test's, a future writer's)
 * holds no declared field, and is kept as `state`: its actor's personal data is still sealed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function privacyOf(eventType: string): EventPrivacy<any> {
  return Object.hasOwn(EVENT_PRIVACY, eventType) ? EVENT_PRIVACY[eventType] : UNDECLARED;
}

const UNDECLARED: EventPrivacy<unknown> = Object.freeze({ retention: 'state', personal: [] });

/** The event types of one retention class. */
export function eventTypesRetained(as: EventPrivacy<unknown>['retention']): string[] {
  return Object.entries(EVENT_PRIVACY).filter(([, p]) => p.retention === as).map(([type]) => type);
}

/** The events that erase a member's personal data: the erasure step follows them. */
export const ERASURE_EVENT_TYPES = ['MspMemberPersonalDataErased', 'MemberPersonalDataErased'] as const;
