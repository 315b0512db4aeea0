import { billingExamples } from '../billing/billing.catalog';
import { AreaExamples, CatalogSample } from '../catalog/catalog-example';
import { integrationsExamples } from '../integrations/integrations.catalog';
import { mspAccessExamples } from '../msp-access/msp-access.catalog';
import { mspExamples } from '../msp/msp.catalog';
import { orgMembersExamples } from '../org-members/org-members.catalog';
import { organizationsExamples } from '../organizations/organizations.catalog';
import { policiesExamples } from '../policies/policies.catalog';
import { orgSettingsExamples } from '../settings/org-settings.catalog';
import { settingsExamples } from '../settings/settings.catalog';
import { vaultExamples } from '../vault/vault.catalog';
import { BillingEvent } from '../billing/billing.events';
import { IntegrationEvent } from '../integrations/integration.events';
import { MspApiKeyEvent } from '../integrations/msp-api-key.events';
import { MspMemberAccessEvent } from '../msp-access/msp-member-access.events';
import { MspEvent } from '../msp/msp.events';
import { OrgMemberAccessEvent } from '../org-members/org-member-access.events';
import { OrgRosterEvent } from '../org-members/org-roster.events';
import { OrganizationEvent } from '../organizations/organization.events';
import { ActivityLogTokenEvent } from '../policies/activity-log-token.events';
import { OrgPoliciesEvent } from '../policies/org-policies.events';
import { SiemIntegrationEvent } from '../policies/siem-integration.events';
import { VantaIntegrationEvent } from '../policies/vanta-integration.events';
import { MspSettingsEvent } from '../settings/msp-settings.events';
import { OrgSettingsEvent } from '../settings/org-settings.events';
import { FolderEvent } from '../vault/folder.events';
import { VaultItemEvent } from '../vault/vault-item.events';

/** Every event of the catalog, area by area. */
export type CatalogEvent =
  | MspEvent | MspMemberAccessEvent | OrganizationEvent | IntegrationEvent | MspApiKeyEvent | BillingEvent
  | MspSettingsEvent | OrgSettingsEvent | OrgMemberAccessEvent | OrgRosterEvent | OrgPoliciesEvent | VantaIntegrationEvent
  | ActivityLogTokenEvent | SiemIntegrationEvent | VaultItemEvent | FolderEvent;

export type { CatalogSample };

type Samples = AreaExamples<CatalogEvent>;

/**
 * One sample per event type of the catalog, gathered from each area's page (its `examples`
 * record): an event type without one does not compile. For tests that must hold for every
 * event (redaction on every channel, describers on malformed data).
 */
const SAMPLES: Samples = {
  ...mspExamples,
  ...mspAccessExamples,
  ...organizationsExamples,
  ...integrationsExamples,
  ...billingExamples,
  ...settingsExamples,
  ...orgMembersExamples,
  ...orgSettingsExamples,
  ...policiesExamples,
  ...vaultExamples,
};

/** The samples as (type, sample) pairs, in catalog order. */
export const CATALOG_SAMPLES: readonly (readonly [string, CatalogSample<Record<string, unknown>>])[] = Object.entries(SAMPLES) as [
  string,
  CatalogSample<Record<string, unknown>>,
][];
