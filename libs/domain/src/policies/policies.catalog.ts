import { BusinessCategory } from '../catalog/activity-category';
import { because, quote } from '../catalog/describe-helpers';
import { AreaExamples } from '../catalog/catalog-example';
import { BusinessAreaDescribers, DescriberMap, TargetRef } from '../catalog/event-describer';
import { ActivityLogTokenEvent } from './activity-log-token.events';
import { OrgPoliciesEvent } from './org-policies.events';
import {
  IpAllowlistSettings,
  PasswordComplexitySettings,
  PolicyKey,
  PolicySettings,
  VaultTimeoutSettings,
} from './policy-definitions';
import { VantaIntegrationEvent } from './vanta-integration.events';
import { editSummary, named, plural, renamedTo, shorten } from '../integrations/integration-describe-helpers';
import { SiemIntegrationEvent } from './siem-integration.events';
import { AreaPrivacy } from '../privacy/personal-data';

const policyTarget = (d: { policyKey: PolicyKey; policyName: string }): TargetRef => ({
  type: 'policy',
  id: d.policyKey,
  name: d.policyName,
});
const vantaTarget = (d: { orgId: string; accountName?: string }): TargetRef => ({
  type: 'vanta_integration',
  id: d.orgId,
  name: d.accountName ?? 'Vanta',
});
const tokenTarget = (d: { tokenId: string; name: string }): TargetRef => ({
  type: 'activity_log_token',
  id: d.tokenId,
  name: d.name,
});

const vanta = (accountName?: string) =>
  accountName ? `Vanta workspace ${quote(accountName)}` : 'the Vanta integration';

/** The settings a policy was enabled with, in a few words: " (30 minutes)". */
function settingsText(key: PolicyKey, settings?: PolicySettings): string {
  if (!settings) return '';
  switch (key) {
    case 'password_complexity': {
      const s = settings as PasswordComplexitySettings;
      const needs = [s.requireDigits && 'digits', s.requireSymbols && 'symbols'].filter(Boolean);
      return ` (at least ${s.minLength} characters${needs.length ? `, ${needs.join(' and ')}` : ''})`;
    }
    case 'vault_timeout': {
      const { minutes } = settings as VaultTimeoutSettings;
      return ` (${minutes} minute${minutes === 1 ? '' : 's'})`;
    }
    case 'ip_allowlist': {
      const { ranges } = settings as IpAllowlistSettings;
      return ` (${ranges.length <= 3 ? ranges.join(', ') : `${ranges.length} IP ranges`})`;
    }
    default:
      return '';
  }
}

/** How company-wide policies, the Vanta integration and Activity Log tokens read in the Activity Log. */
const siemTarget = (d: { integrationId: string; name: string }, name = d.name): TargetRef => ({ type: 'siem_integration', id: d.integrationId, name });

const describers: BusinessAreaDescribers<OrgPoliciesEvent | VantaIntegrationEvent | ActivityLogTokenEvent | SiemIntegrationEvent> = {
  PolicyEnabled: {
    category: 'Policies and Integrations',
    action: 'Enabled policy',
    target: policyTarget,
    summary: (d, v) =>
      `${v.initiatorName} enabled policy ${quote(d.policyName)}${settingsText(d.policyKey, d.settings)}`,
  },
  PolicyDisabled: {
    category: 'Policies and Integrations',
    action: 'Disabled policy',
    target: policyTarget,
    summary: (d, v) => `${v.initiatorName} disabled policy ${quote(d.policyName)}`,
  },
  VantaIntegrationConnected: {
    category: 'Policies and Integrations',
    action: 'Connected Vanta integration',
    target: vantaTarget,
    summary: (d, v) => `${v.initiatorName} connected ${vanta(d.accountName)}`,
  },
  VantaIntegrationDisconnected: {
    category: 'Policies and Integrations',
    action: 'Disconnected Vanta integration',
    target: vantaTarget,
    summary: (d, v) => `${v.initiatorName} disconnected ${vanta(d.accountName)}${because(d.reason)}`,
  },
  ActivityLogTokenCreated: {
    category: 'Policies and Integrations',
    action: 'Created Activity Log token',
    target: tokenTarget,
    summary: (d, v) =>
      `${v.initiatorName} created Activity Log token ${quote(d.name)} (${d.scope ?? 'admin'} view` +
      (d.expiresAt ? `, expires ${d.expiresAt.slice(0, 10)})` : ')'),
  },
  ActivityLogTokenRevoked: {
    category: 'Policies and Integrations',
    action: 'Revoked Activity Log token',
    target: tokenTarget,
    summary: (d, v) => `${v.initiatorName} revoked Activity Log token ${quote(d.name)}`,
  },
  SiemIntegrationSetUp: {
    category: 'Policies and Integrations',
    action: 'Set up SIEM integration',
    target: (d) => siemTarget(d),
    summary: (d, v) => `${v.initiatorName} set up ${named(d)}`,
  },
  SiemIntegrationEdited: {
    category: 'Policies and Integrations',
    action: 'Edited SIEM integration',
    target: (d) => siemTarget(d, renamedTo(d.changes) ?? d.name),
    summary: (d, v) => `${v.initiatorName} edited ${named(d)}${editSummary(d.changes)}`,
  },
  SiemIntegrationDisconnected: {
    category: 'Policies and Integrations',
    action: 'Disconnected SIEM integration',
    target: (d) => siemTarget(d),
    summary: (d, v) => `${v.initiatorName} disconnected ${named(d)}${because(d.reason)}`,
  },
  SiemIntegrationSyncSucceeded: {
    category: 'Policies and Integrations',
    action: 'Synced SIEM integration',
    target: (d) => siemTarget(d),
    summary: (d, v) => `${v.initiatorName} sent ${plural(d.eventsSent, 'event')} to ${named(d)}`,
  },
  SiemIntegrationSyncFailed: {
    category: 'Policies and Integrations',
    action: 'Failed to sync SIEM integration',
    target: (d) => siemTarget(d),
    summary: (d, v) => `${v.initiatorName} failed to sync ${named(d)}: ${shorten(d.error)}`,
  },
};

export const policiesDescribers: DescriberMap<BusinessCategory> = describers;

const orgId = 'org-sample';
const splunk = { integrationId: 'int-1', kind: 'splunk' as const, name: 'SIEM prod' };

/** A realistic instance of each event and what a reader with generic item details must never see of it. */
export const policiesExamples: AreaExamples<OrgPoliciesEvent | VantaIntegrationEvent | ActivityLogTokenEvent | SiemIntegrationEvent> = {
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
};

const reason = [{ path: 'reason', kind: 'text', subject: 'actor' }] as const;

/** Policies, tokens and integrations are the organization's; a reason someone typed is its author's. */
export const policiesPrivacy: AreaPrivacy<OrgPoliciesEvent | VantaIntegrationEvent | ActivityLogTokenEvent | SiemIntegrationEvent> = {
  PolicyEnabled: { retention: 'state', personal: [] },
  PolicyDisabled: { retention: 'state', personal: [] },
  VantaIntegrationConnected: { retention: 'state', personal: [] },
  VantaIntegrationDisconnected: { retention: 'state', personal: reason },
  ActivityLogTokenCreated: { retention: 'state', personal: [] },
  ActivityLogTokenRevoked: { retention: 'state', personal: [] },
  SiemIntegrationSetUp: { retention: 'state', personal: [] },
  SiemIntegrationEdited: { retention: 'state', personal: [] },
  SiemIntegrationDisconnected: { retention: 'state', personal: reason },
  SiemIntegrationSyncSucceeded: { retention: 'activity', personal: [] },
  SiemIntegrationSyncFailed: { retention: 'activity', personal: [] },
};
