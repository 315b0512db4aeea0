import { billingPrivacy } from '../billing/billing.catalog';
import { integrationsPrivacy } from '../integrations/integrations.catalog';
import { mspAccessPrivacy } from '../msp-access/msp-access.catalog';
import { mspPrivacy } from '../msp/msp.catalog';
import { orgMembersPrivacy } from '../org-members/org-members.catalog';
import { organizationsPrivacy } from '../organizations/organizations.catalog';
import { policiesPrivacy } from '../policies/policies.catalog';
import { orgSettingsPrivacy } from '../settings/org-settings.catalog';
import { settingsPrivacy } from '../settings/settings.catalog';
import { vaultPrivacy } from '../vault/vault.catalog';
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
  ...orgSettingsPrivacy,
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
