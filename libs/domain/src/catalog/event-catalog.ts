import { ActivityCategory, MSP_CATEGORIES, MspCategory } from './activity-category';
import { billingEventCategories } from '../billing/billing.catalog';
import { integrationsEventCategories } from '../integrations/integrations.catalog';
import { mspAccessEventCategories } from '../msp-access/msp-access.catalog';
import { mspEventCategories } from '../msp/msp.catalog';
import { orgMembersEventCategories } from '../org-members/org-members.catalog';
import { organizationEventCategories } from '../organizations/organization.catalog';
import { policiesEventCategories } from '../policies/policies.catalog';
import { settingsEventCategories } from '../settings/settings.catalog';
import { vaultEventCategories } from '../vault/vault.catalog';

/** Every area's event types with their one activity-log category. */
export const AREA_CATALOGS: Record<string, Record<string, ActivityCategory>> = {
  msp: mspEventCategories,
  mspAccess: mspAccessEventCategories,
  organizations: organizationEventCategories,
  integrations: integrationsEventCategories,
  billing: billingEventCategories,
  settings: settingsEventCategories,
  orgMembers: orgMembersEventCategories,
  policies: policiesEventCategories,
  vault: vaultEventCategories,
};

export const EVENT_CATEGORIES: Readonly<Record<string, ActivityCategory>> = Object.freeze(
  Object.assign({}, ...Object.values(AREA_CATALOGS)),
);

export const EVENT_TYPES: readonly string[] = Object.keys(EVENT_CATEGORIES);

export function categoryOf(eventType: string): ActivityCategory | undefined {
  return EVENT_CATEGORIES[eventType];
}

export function isMspCategory(category: ActivityCategory): category is MspCategory {
  return (MSP_CATEGORIES as readonly string[]).includes(category);
}
