import { billingDescribers } from '../billing/billing.catalog';
import { integrationsDescribers } from '../integrations/integrations.catalog';
import { mspAccessDescribers } from '../msp-access/msp-access.catalog';
import { mspDescribers } from '../msp/msp.catalog';
import { orgMembersDescribers } from '../org-members/org-members.catalog';
import { organizationsDescribers } from '../organizations/organizations.catalog';
import { policiesDescribers } from '../policies/policies.catalog';
import { settingsDescribers } from '../settings/settings.catalog';
import { orgSettingsDescribers } from '../settings/org-settings.catalog';
import { vaultDescribers } from '../vault/vault.catalog';
import { ActivityCategory, BusinessCategory, MSP_CATEGORIES, MspCategory } from './activity-category';
import { DescriberMap, EventDescriber } from './event-describer';

/** The areas of the MSP Activity Log, each with its describers (which carry the categories). */
export const MSP_AREA_DESCRIBERS = {
  msp: mspDescribers,
  mspAccess: mspAccessDescribers,
  organizations: organizationsDescribers,
  integrations: integrationsDescribers,
  billing: billingDescribers,
  settings: settingsDescribers,
} as const satisfies Record<string, DescriberMap<MspCategory>>;

/** The areas of the Business Activity Log. */
export const BUSINESS_AREA_DESCRIBERS = {
  orgMembers: orgMembersDescribers,
  policies: policiesDescribers,
  orgSettings: orgSettingsDescribers,
  vault: vaultDescribers,
} as const satisfies Record<string, DescriberMap<BusinessCategory>>;

export const AREA_DESCRIBERS: Readonly<Record<string, DescriberMap>> = { ...MSP_AREA_DESCRIBERS, ...BUSINESS_AREA_DESCRIBERS };

/** Every logged event type with its describer: the one table the catalog is derived from. */
export const DESCRIBERS: Readonly<DescriberMap> = Object.freeze(Object.assign({}, ...Object.values(AREA_DESCRIBERS)));

/** Every event type with its one activity-log category. */
export const EVENT_CATEGORIES: Readonly<Record<string, ActivityCategory>> = Object.freeze(
  Object.fromEntries(Object.entries(DESCRIBERS).map(([type, describer]) => [type, describer.category])),
);

export const EVENT_TYPES: readonly string[] = Object.freeze(Object.keys(DESCRIBERS));

export function describerFor(eventType: string): EventDescriber | undefined {
  return Object.hasOwn(DESCRIBERS, eventType) ? DESCRIBERS[eventType] : undefined;
}

export function categoryOf(eventType: string): ActivityCategory | undefined {
  return describerFor(eventType)?.category;
}

export function isMspCategory(category: ActivityCategory): category is MspCategory {
  return (MSP_CATEGORIES as readonly string[]).includes(category);
}
