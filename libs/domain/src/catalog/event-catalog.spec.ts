import { settingsDescribers } from '../settings/settings.catalog';
import { MspSettingsEvent } from '../settings/msp-settings.events';
import { BUSINESS_CATEGORIES, MSP_CATEGORIES } from './activity-category';
import {
  AREA_DESCRIBERS,
  BUSINESS_AREA_DESCRIBERS,
  categoryOf,
  DESCRIBERS,
  describerFor,
  EVENT_CATEGORIES,
  EVENT_TYPES,
  MSP_AREA_DESCRIBERS,
} from './event-catalog';
import { MspAreaDescribers } from './event-describer';

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
const BUSINESS_AREAS = ['orgMembers', 'policies', 'orgSettings', 'vault'];

describe('the event catalog', () => {
  it.each(Object.entries(DESIGN_CATALOG))('maps every %s event of the design to that category', (category, types) => {
    for (const type of types) expect([type, categoryOf(type)]).toEqual([type, category]);
  });

  it('gives each event type exactly one category: no type is defined by two areas', () => {
    const all = Object.values(AREA_DESCRIBERS).flatMap((describers) => Object.keys(describers));
    expect(all.length).toBe(new Set(all).size);
    expect(EVENT_TYPES.length).toBe(all.length);
  });

  it('names events in PascalCase', () => {
    for (const type of EVENT_TYPES) expect(type).toMatch(/^[A-Z][A-Za-z]+$/);
  });

  it('keeps MSP areas in the six MSP categories and organization areas in the business ones', () => {
    expect(Object.keys(MSP_AREA_DESCRIBERS)).toEqual(MSP_AREAS);
    expect(Object.keys(BUSINESS_AREA_DESCRIBERS)).toEqual(BUSINESS_AREAS);
    for (const [area, describers] of Object.entries(AREA_DESCRIBERS)) {
      const allowed: readonly string[] = MSP_AREAS.includes(area) ? MSP_CATEGORIES : BUSINESS_CATEGORIES;
      for (const { category } of Object.values(describers)) expect([area, allowed.includes(category)]).toEqual([area, true]);
    }
  });

  it('answers undefined for an unknown type, also one named like an Object method', () => {
    expect(categoryOf('SomethingElse')).toBeUndefined();
    expect(categoryOf('toString')).toBeUndefined();
    expect(describerFor('constructor')).toBeUndefined();
    expect(Object.isFrozen(EVENT_CATEGORIES)).toBe(true);
  });
});

describe('DESCRIBERS', () => {
  it('describe every event type of the catalog, and nothing else', () => {
    expect(Object.keys(DESCRIBERS).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('give every describer an action label, and the category the catalog gives its type', () => {
    for (const [type, describer] of Object.entries(DESCRIBERS)) {
      expect([type, describer.action.length > 0]).toEqual([type, true]);
      expect([type, describer.category]).toEqual([type, EVENT_CATEGORIES[type]]);
    }
  });
});

describe('an area that does not describe its events exactly', () => {
  const changed = settingsDescribers.MspSettingChanged;

  it('does not compile (checked by the typecheck): a type left out, one unknown, or a category of the other log', () => {
    // @ts-expect-error MspSettingChanged has no describer
    const missing: MspAreaDescribers<MspSettingsEvent> = {};
    // @ts-expect-error MspSettingRemoved is no event of the area
    const unknown: MspAreaDescribers<MspSettingsEvent> = { MspSettingChanged: changed, MspSettingRemoved: changed };
    // @ts-expect-error an MSP area's event in a Business Activity Log category
    const otherLog: MspAreaDescribers<MspSettingsEvent> = { MspSettingChanged: { ...changed, category: 'Policies and Integrations' } };
    expect([missing, unknown, otherLog].map((area) => Object.keys(area))).toEqual([
      [],
      ['MspSettingChanged', 'MspSettingRemoved'],
      ['MspSettingChanged'],
    ]);
  });
});
