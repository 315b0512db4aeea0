import { BUSINESS_CATEGORIES, MSP_CATEGORIES } from './activity-category';
import { AREA_CATALOGS, categoryOf, EVENT_CATEGORIES, EVENT_TYPES } from './event-catalog';

/** The minimum catalog of DESIGN §3, by category. */
const DESIGN_CATALOG: Record<string, string[]> = {
  'MSP Access': ['MspAccountCreated', 'MspSignInSucceeded', 'MspSignInFailed', 'MspPasswordChanged', 'MspTwoFactorEnabled', 'MspTwoFactorDisabled'],
  'MSP User Management': [
    'MspMemberInvited', 'MspInvitationAccepted', 'MspInvitationRevoked', 'MspMemberRoleChanged',
    'MspMemberSuspended', 'MspMemberReactivated', 'MspMemberRemoved', 'MspOwnershipTransferred',
  ],
  'Organization Management': [
    'OrganizationCreated', 'OrganizationDeployed', 'OrganizationRenamed', 'OrganizationSuspended',
    'OrganizationReactivated', 'OrganizationTerminated',
  ],
  Integrations: [
    'IntegrationSetUp', 'IntegrationEdited', 'IntegrationDisconnected', 'IntegrationSyncSucceeded',
    'IntegrationSyncFailed', 'MspApiKeyGenerated', 'MspApiKeyRevoked',
  ],
  Billing: ['BillingDetailsAdded', 'BillingDetailsChanged', 'CreditCardAdded', 'CreditCardRemoved', 'DefaultCreditCardChanged'],
  Settings: ['MspSettingChanged'],
  'Members and Access': [
    'AdminPanelAccessed', 'VaultAccessed', 'MemberSignInSucceeded', 'MemberSignInFailed', 'MemberMfaEnabled',
    'MemberMfaDisabled', 'MemberInvited', 'MemberInvitationAccepted', 'MemberInvitationDeclined', 'MemberRoleChanged',
    'MemberSuspended', 'MemberReactivated', 'MemberRemoved',
  ],
  'Policies and Integrations': [
    'PolicyEnabled', 'PolicyDisabled', 'VantaIntegrationConnected', 'VantaIntegrationDisconnected',
    'ActivityLogTokenCreated', 'ActivityLogTokenRevoked',
  ],
  'Vault Items and Folders': [
    'ItemCreated', 'ItemUsed', 'ItemUpdated', 'ItemShared', 'ItemSharingRightsChanged', 'ItemAccessRevoked',
    'ItemOwnerChanged', 'ItemMovedToFolder', 'ItemDeleted', 'ItemRestored', 'FolderCreated', 'FolderShared',
    'FolderAccessRevoked', 'FolderDeleted',
  ],
};

const MSP_AREAS = ['msp', 'mspAccess', 'organizations', 'integrations', 'billing', 'settings'];

describe('the event catalog', () => {
  it.each(Object.entries(DESIGN_CATALOG))('maps every %s event of the design to that category', (category, types) => {
    for (const type of types) expect([type, categoryOf(type)]).toEqual([type, category]);
  });

  it('gives each event type exactly one category: no type is defined by two areas', () => {
    const all = Object.values(AREA_CATALOGS).flatMap((catalog) => Object.keys(catalog));
    expect(all.length).toBe(new Set(all).size);
    expect(EVENT_TYPES.length).toBe(all.length);
  });

  it('names events in PascalCase', () => {
    for (const type of EVENT_TYPES) expect(type).toMatch(/^[A-Z][A-Za-z]+$/);
  });

  it('keeps MSP areas in the six MSP categories and organization areas in the business ones', () => {
    for (const [area, catalog] of Object.entries(AREA_CATALOGS)) {
      const allowed: readonly string[] = MSP_AREAS.includes(area) ? MSP_CATEGORIES : BUSINESS_CATEGORIES;
      for (const category of Object.values(catalog)) expect([area, allowed.includes(category)]).toEqual([area, true]);
    }
  });

  it('answers undefined for an unknown type', () => {
    expect(categoryOf('SomethingElse')).toBeUndefined();
    expect(Object.isFrozen(EVENT_CATEGORIES)).toBe(true);
  });
});
