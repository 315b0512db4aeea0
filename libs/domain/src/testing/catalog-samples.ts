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

/** One realistic event's data, and what a reader who gets generic item details must never see of it. */
export interface CatalogSample<D> {
  data: D;
  /** Item and folder names, item types (raw and as labels), changed item fields. */
  hidden: string[];
}

type Samples = { [T in CatalogEvent['type']]: CatalogSample<Extract<CatalogEvent, { type: T }>['data']> };

const orgId = 'org-sample';
const bob = { memberId: 'm-bob', email: 'bob@acme.test', name: 'Bob Stone' };
const orgBob = { orgId, ...bob };
const visa = { cardId: 'card-1', brand: 'visa' as const, last4: '4242' };
const mastercard = { cardId: 'card-2', brand: 'mastercard' as const, last4: '4444' };
const splunk = { integrationId: 'int-1', kind: 'splunk' as const, name: 'SIEM prod' };
const team = { type: 'group', id: 'g-ops', displayName: 'Ops team' } as const;
const member = { type: 'member', id: 'm-bob', displayName: 'Bob Stone' } as const;
const bank = { itemId: 'i-bank', itemType: 'password', itemName: 'Bank login' } as const;
const bankHidden = ['Bank login', 'password'];
const finance = { folderId: 'f-finance', folderName: 'Finance folder' };
/** A public key as API keys' events carry it (coordinates of a real P-256 point do not matter here). */
const keyMaterial = (thumbprint: string) =>
  ({ algorithm: 'ES256', publicKey: { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' }, thumbprint }) as const;

/**
 * One sample per event type of the catalog, typed against its data: an event type without one
 * does not compile. For tests that must hold for every event (redaction on every channel,
 * describers on malformed data).
 */
const SAMPLES: Samples = {
  MspAccountCreated: { data: { mspId: 'msp-1', name: 'Northwind IT', ownerMemberId: 'm-ann', ownerEmail: 'ann@northwind.example', ownerName: 'Ann Lee' }, hidden: [] },
  MspMemberInvited: { data: { ...bob, role: 'msp_admin' }, hidden: [] },
  MspInvitationAccepted: { data: { ...bob, role: 'msp_member' }, hidden: [] },
  MspInvitationRevoked: { data: { ...bob, role: 'msp_member' }, hidden: [] },
  MspMemberRoleChanged: { data: { ...bob, previousRole: 'msp_member', newRole: 'msp_admin' }, hidden: [] },
  MspMemberSuspended: { data: { ...bob, reason: 'Left the company' }, hidden: [] },
  MspMemberReactivated: { data: bob, hidden: [] },
  MspMemberRemoved: { data: { ...bob, role: 'msp_admin' }, hidden: [] },
  MspOwnershipTransferred: {
    data: {
      previousOwner: { memberId: 'm-ann', email: 'ann@northwind.example', name: 'Ann Lee', newRole: 'msp_admin' },
      newOwner: { ...bob, previousRole: 'msp_admin' },
    },
    hidden: [],
  },
  MspMemberPersonalDataErased: { data: { memberId: 'm-bob' }, hidden: [] },
  MspSignInSucceeded: { data: { memberId: 'm-ivy', email: 'ivy@northwind.example', mspId: 'msp-1', ip: '203.0.113.7' }, hidden: [] },
  MspSignInFailed: { data: { memberId: 'm-ivy', email: 'ivy@northwind.example', mspId: 'msp-1', reason: 'wrong_password' }, hidden: [] },
  MspPasswordChanged: { data: { memberId: 'm-ivy', email: 'ivy@northwind.example' }, hidden: [] },
  MspTwoFactorEnabled: { data: { memberId: 'm-ivy', email: 'ivy@northwind.example', method: 'totp' }, hidden: [] },
  MspTwoFactorDisabled: { data: { memberId: 'm-ivy', email: 'ivy@northwind.example', method: 'webauthn' }, hidden: [] },
  OrganizationCreated: { data: { organizationId: orgId, name: 'Acme', mspId: 'msp-1' }, hidden: [] },
  OrganizationDeployed: { data: { organizationId: orgId, name: 'Acme' }, hidden: [] },
  OrganizationRenamed: { data: { organizationId: orgId, previousName: 'Acme', newName: 'Acme Ltd' }, hidden: [] },
  OrganizationSuspended: { data: { organizationId: orgId, name: 'Acme', reason: 'Unpaid invoice' }, hidden: [] },
  OrganizationReactivated: { data: { organizationId: orgId, name: 'Acme' }, hidden: [] },
  OrganizationTerminated: { data: { organizationId: orgId, name: 'Acme', reason: 'Contract ended' }, hidden: [] },
  IntegrationSetUp: { data: { ...splunk, mspId: 'msp-1', settings: { url: 'https://hec.splunk.example:8088' }, secretLast4: 'a1b2' }, hidden: [] },
  IntegrationEdited: { data: { ...splunk, changes: [{ field: 'name', previousValue: 'SIEM prod', newValue: 'SIEM main' }] }, hidden: [] },
  IntegrationDisconnected: { data: { ...splunk, reason: 'Moving to Sentinel' }, hidden: [] },
  IntegrationSyncSucceeded: { data: { ...splunk, eventsSent: 120 }, hidden: [] },
  IntegrationSyncFailed: { data: { ...splunk, error: 'HTTP 503 from the collector' }, hidden: [] },
  MspApiKeyGenerated: { data: { keyId: 'key-1', name: 'Reporting', mspId: 'msp-1', ...keyMaterial('tp-1') }, hidden: [] },
  MspApiKeyRotated: { data: { keyId: 'key-1', name: 'Reporting', ...keyMaterial('tp-2'), previousThumbprint: 'tp-1' }, hidden: [] },
  MspApiKeyRevoked: { data: { keyId: 'key-1', name: 'Reporting' }, hidden: [] },
  BillingDetailsAdded: {
    data: { mspId: 'msp-1', companyName: 'Northwind IT', billingEmail: 'billing@northwind.example', addressLines: ['1 Harbour Street'], country: 'GB' },
    hidden: [],
  },
  BillingDetailsChanged: {
    data: { mspId: 'msp-1', companyName: 'Northwind IT Ltd', changes: [{ field: 'companyName', previousValue: 'Northwind IT', newValue: 'Northwind IT Ltd' }] },
    hidden: [],
  },
  CreditCardAdded: { data: { mspId: 'msp-1', ...visa, expMonth: 8, expYear: 2030, providerToken: 'tok_1Nv0Provider', isDefault: true }, hidden: [] },
  CreditCardRemoved: { data: { mspId: 'msp-1', ...mastercard }, hidden: [] },
  DefaultCreditCardChanged: { data: { mspId: 'msp-1', previousCard: visa, newCard: mastercard }, hidden: [] },
  MspSettingChanged: { data: { mspId: 'msp-1', key: 'sessionTimeoutMinutes', oldValue: 60, newValue: 30 }, hidden: [] },
  AdminPanelAccessed: { data: orgBob, hidden: [] },
  VaultAccessed: { data: { ...orgBob, vaultId: 'v-1', vaultName: 'Shared' }, hidden: [] },
  MemberSignInSucceeded: { data: orgBob, hidden: [] },
  MemberSignInFailed: { data: { ...orgBob, reason: 'wrong_mfa_code' }, hidden: [] },
  MemberMfaEnabled: { data: orgBob, hidden: [] },
  MemberMfaDisabled: { data: orgBob, hidden: [] },
  MemberInvited: { data: { ...orgBob, role: 'org_admin' }, hidden: [] },
  MemberInvitationAccepted: { data: { ...orgBob, role: 'org_member' }, hidden: [] },
  MemberInvitationDeclined: { data: { ...orgBob, role: 'org_member' }, hidden: [] },
  MemberRoleChanged: { data: { ...orgBob, previousRole: 'org_member', newRole: 'org_owner' }, hidden: [] },
  MemberSuspended: { data: { ...orgBob, role: 'org_member', reason: 'Left the company' }, hidden: [] },
  MemberReactivated: { data: { ...orgBob, role: 'org_member' }, hidden: [] },
  MemberRemoved: { data: { ...orgBob, role: 'org_admin' }, hidden: [] },
  MemberPersonalDataErased: { data: { orgId, memberId: 'm-bob' }, hidden: [] },
  OrganizationSettingChanged: { data: { orgId, key: 'activityLogRetentionDays', oldValue: null, newValue: 180 }, hidden: [] },
  PolicyEnabled: { data: { orgId, policyKey: 'vault_timeout', policyName: 'Vault timeout', settings: { minutes: 30 } }, hidden: [] },
  PolicyDisabled: { data: { orgId, policyKey: 'require_mfa', policyName: 'Require two-factor authentication' }, hidden: [] },
  VantaIntegrationConnected: { data: { orgId, accountName: 'Acme Security' }, hidden: [] },
  VantaIntegrationDisconnected: { data: { orgId, accountName: 'Acme Security', reason: 'Audit finished' }, hidden: [] },
  ActivityLogTokenCreated: {
    data: { orgId, tokenId: 'tok-1', name: 'SIEM export', expiresAt: '2026-03-31T23:59:59.000Z', scope: 'owner', tokenHash: 'c2hhMjU2LW9mLXRoZS10b2tlbg' },
    hidden: [],
  },
  ActivityLogTokenRevoked: { data: { orgId, tokenId: 'tok-1', name: 'SIEM export' }, hidden: [] },
  SiemIntegrationSetUp: { data: { ...splunk, orgId, settings: { url: 'https://hec.splunk.example:8088' }, secretLast4: 'a1b2' }, hidden: [] },
  SiemIntegrationEdited: { data: { ...splunk, changes: [{ field: 'name', previousValue: 'SIEM prod', newValue: 'SIEM main' }] }, hidden: [] },
  SiemIntegrationDisconnected: { data: { ...splunk, reason: 'Moving to Sentinel' }, hidden: [] },
  SiemIntegrationSyncSucceeded: { data: { ...splunk, eventsSent: 120 }, hidden: [] },
  SiemIntegrationSyncFailed: { data: { ...splunk, error: 'HTTP 503 from the collector' }, hidden: [] },
  ItemCreated: {
    data: { ...bank, orgId, ownerMemberId: 'm-ann', ownerName: 'Ann', ...finance },
    hidden: [...bankHidden, 'Finance folder'],
  },
  ItemUsed: {
    data: { itemId: 'i-card', itemType: 'credit_card', itemName: 'Corporate Visa', usage: 'copied', field: 'cvv' },
    hidden: ['Corporate Visa', 'credit_card', 'credit card', 'cvv'],
  },
  ItemUpdated: {
    data: {
      itemId: 'i-note', itemType: 'secure_note', itemName: 'Wi-Fi guest network',
      changes: [{ field: 'name', previousValue: 'Wi-Fi', newValue: 'Wi-Fi guest network' }, { field: 'notes' }],
    },
    hidden: ['Wi-Fi', 'secure_note', 'secure note', 'notes'],
  },
  ItemShared: { data: { ...bank, principal: member, rights: 'edit' }, hidden: bankHidden },
  ItemSharingRightsChanged: { data: { ...bank, principal: team, previousRights: 'view', newRights: 'manage' }, hidden: bankHidden },
  ItemAccessRevoked: {
    data: { itemId: 'i-ssh', itemType: 'ssh_key', itemName: 'Prod bastion', principal: member, previousRights: 'view' },
    hidden: ['Prod bastion', 'ssh_key', 'SSH key'],
  },
  ItemOwnerChanged: {
    data: {
      itemId: 'i-payroll', itemType: 'bank_account', itemName: 'Payroll account',
      previousOwnerMemberId: 'm-bob', previousOwnerName: 'Bob Stone', newOwnerMemberId: 'm-cara', newOwnerName: 'Cara Diaz',
    },
    hidden: ['Payroll account', 'bank_account', 'bank account'],
  },
  ItemMovedToFolder: {
    data: { ...bank, previousFolderId: 'f-finance', previousFolderName: 'Finance folder', newFolderId: 'f-archive', newFolderName: 'Archive 2023' },
    hidden: [...bankHidden, 'Finance folder', 'Archive 2023'],
  },
  ItemDeleted: { data: { itemId: 'i-adobe', itemType: 'software_license', itemName: 'Adobe CC' }, hidden: ['Adobe CC', 'software_license', 'software license'] },
  ItemRestored: { data: { itemId: 'i-passport', itemType: 'personal_info', itemName: 'Passport' }, hidden: ['Passport', 'personal_info', 'personal info'] },
  FolderCreated: { data: { ...finance, orgId, ownerMemberId: 'm-ann', ownerName: 'Ann' }, hidden: ['Finance folder'] },
  FolderShared: { data: { ...finance, principal: team, rights: 'manage' }, hidden: ['Finance folder'] },
  FolderAccessRevoked: { data: { ...finance, principal: member, previousRights: 'edit' }, hidden: ['Finance folder'] },
  FolderDeleted: { data: finance, hidden: ['Finance folder'] },
};

/** The samples as (type, sample) pairs, in catalog order. */
export const CATALOG_SAMPLES: readonly (readonly [string, CatalogSample<Record<string, unknown>>])[] = Object.entries(SAMPLES) as [
  string,
  CatalogSample<Record<string, unknown>>,
][];
