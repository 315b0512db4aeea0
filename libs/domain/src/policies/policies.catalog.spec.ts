import { TargetRef } from '../catalog/event-describer';
import { ActivityLogTokenEvent } from './activity-log-token.events';
import { OrgPoliciesEvent } from './org-policies.events';
import { policiesDescribers } from './policies.catalog';
import { SiemIntegrationEvent } from './siem-integration.events';
import { VantaIntegrationEvent } from './vanta-integration.events';

type Event = OrgPoliciesEvent | VantaIntegrationEvent | ActivityLogTokenEvent | SiemIntegrationEvent;
interface Case {
  name?: string;
  event: Event;
  action: string;
  target: TargetRef;
  summary: string;
}

const orgId = 'org-1';
const view = { redact: false, initiatorName: 'Ann' };
const vaultTimeout = { orgId, policyKey: 'vault_timeout', policyName: 'Vault timeout' } as const;
const token = { orgId, tokenId: 'tok-1', name: 'SIEM export' };
const tokenTarget: TargetRef = { type: 'activity_log_token', id: 'tok-1', name: 'SIEM export' };
const siem = { integrationId: 'int-1', kind: 'splunk', name: 'SOC Splunk' } as const;
const siemTarget: TargetRef = { type: 'siem_integration', id: 'int-1', name: 'SOC Splunk' };

/** One case per event type first (the table the area is checked against), then variants. */
const cases: Case[] = [
  {
    event: { type: 'PolicyEnabled', data: { ...vaultTimeout, settings: { minutes: 30 } } },
    action: 'Enabled policy',
    target: { type: 'policy', id: 'vault_timeout', name: 'Vault timeout' },
    summary: "Ann enabled policy 'Vault timeout' (30 minutes)",
  },
  {
    event: { type: 'PolicyDisabled', data: { orgId, policyKey: 'require_mfa', policyName: 'Require two-factor authentication' } },
    action: 'Disabled policy',
    target: { type: 'policy', id: 'require_mfa', name: 'Require two-factor authentication' },
    summary: "Ann disabled policy 'Require two-factor authentication'",
  },
  {
    event: { type: 'VantaIntegrationConnected', data: { orgId, accountName: 'Acme Security' } },
    action: 'Connected Vanta integration',
    target: { type: 'vanta_integration', id: orgId, name: 'Acme Security' },
    summary: "Ann connected Vanta workspace 'Acme Security'",
  },
  {
    event: { type: 'VantaIntegrationDisconnected', data: { orgId, accountName: 'Acme Security', reason: 'Audit finished' } },
    action: 'Disconnected Vanta integration',
    target: { type: 'vanta_integration', id: orgId, name: 'Acme Security' },
    summary: "Ann disconnected Vanta workspace 'Acme Security' (reason: Audit finished)",
  },
  {
    event: { type: 'ActivityLogTokenCreated', data: { ...token, expiresAt: '2026-03-31T23:59:59.000Z' } },
    action: 'Created Activity Log token',
    target: tokenTarget,
    summary: "Ann created Activity Log token 'SIEM export' (admin view, expires 2026-03-31)",
  },
  {
    event: { type: 'ActivityLogTokenRevoked', data: token },
    action: 'Revoked Activity Log token',
    target: tokenTarget,
    summary: "Ann revoked Activity Log token 'SIEM export'",
  },
  {
    event: { type: 'SiemIntegrationSetUp', data: { ...siem, orgId, settings: { url: 'https://splunk.acme.example:8088', index: 'audit' }, secretLast4: 'c0de', secretVersion: '0190a7e2-0000-7000-8000-000000000001' } },
    action: 'Set up SIEM integration',
    target: siemTarget,
    summary: "Ann set up Splunk integration 'SOC Splunk'",
  },
  {
    event: {
      type: 'SiemIntegrationEdited',
      data: { ...siem, changes: [{ field: 'name', previousValue: 'SOC Splunk', newValue: 'SOC' }, { field: 'secret', previousValue: 'c0de', newValue: 'beef' }] },
    },
    action: 'Edited SIEM integration',
    target: { ...siemTarget, name: 'SOC' },
    summary: "Ann edited Splunk integration 'SOC Splunk' (renamed to 'SOC'; rotated the secret)",
  },
  {
    event: { type: 'SiemIntegrationDisconnected', data: { ...siem, reason: 'Moved to Sentinel' } },
    action: 'Disconnected SIEM integration',
    target: siemTarget,
    summary: "Ann disconnected Splunk integration 'SOC Splunk' (reason: Moved to Sentinel)",
  },
  {
    event: { type: 'SiemIntegrationSyncSucceeded', data: { ...siem, eventsSent: 1 } },
    action: 'Synced SIEM integration',
    target: siemTarget,
    summary: "Ann sent 1 event to Splunk integration 'SOC Splunk'",
  },
  {
    event: { type: 'SiemIntegrationSyncFailed', data: { ...siem, error: 'Splunk refused the token (HEC code 4: Invalid token)' } },
    action: 'Failed to sync SIEM integration',
    target: siemTarget,
    summary: "Ann failed to sync Splunk integration 'SOC Splunk': Splunk refused the token (HEC code 4: Invalid token)",
  },
  {
    name: 'PolicyEnabled, no settings',
    event: { type: 'PolicyEnabled', data: { orgId, policyKey: 'require_mfa', policyName: 'Require two-factor authentication' } },
    action: 'Enabled policy',
    target: { type: 'policy', id: 'require_mfa', name: 'Require two-factor authentication' },
    summary: "Ann enabled policy 'Require two-factor authentication'",
  },
  {
    name: 'PolicyEnabled, password complexity',
    event: {
      type: 'PolicyEnabled',
      data: {
        orgId,
        policyKey: 'password_complexity',
        policyName: 'Master password complexity',
        settings: { minLength: 14, requireDigits: true, requireSymbols: true },
      },
    },
    action: 'Enabled policy',
    target: { type: 'policy', id: 'password_complexity', name: 'Master password complexity' },
    summary: "Ann enabled policy 'Master password complexity' (at least 14 characters, digits and symbols)",
  },
  {
    name: 'PolicyEnabled, password complexity, length only',
    event: {
      type: 'PolicyEnabled',
      data: {
        orgId,
        policyKey: 'password_complexity',
        policyName: 'Master password complexity',
        settings: { minLength: 12, requireDigits: false, requireSymbols: false },
      },
    },
    action: 'Enabled policy',
    target: { type: 'policy', id: 'password_complexity', name: 'Master password complexity' },
    summary: "Ann enabled policy 'Master password complexity' (at least 12 characters)",
  },
  {
    name: 'PolicyEnabled, one minute',
    event: { type: 'PolicyEnabled', data: { ...vaultTimeout, settings: { minutes: 1 } } },
    action: 'Enabled policy',
    target: { type: 'policy', id: 'vault_timeout', name: 'Vault timeout' },
    summary: "Ann enabled policy 'Vault timeout' (1 minute)",
  },
  {
    name: 'PolicyEnabled, a short IP allowlist',
    event: {
      type: 'PolicyEnabled',
      data: { orgId, policyKey: 'ip_allowlist', policyName: 'IP allowlist', settings: { ranges: ['203.0.113.0/24', '198.51.100.7'] } },
    },
    action: 'Enabled policy',
    target: { type: 'policy', id: 'ip_allowlist', name: 'IP allowlist' },
    summary: "Ann enabled policy 'IP allowlist' (203.0.113.0/24, 198.51.100.7)",
  },
  {
    name: 'PolicyEnabled, a long IP allowlist',
    event: {
      type: 'PolicyEnabled',
      data: {
        orgId,
        policyKey: 'ip_allowlist',
        policyName: 'IP allowlist',
        settings: { ranges: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '203.0.113.0/24'] },
      },
    },
    action: 'Enabled policy',
    target: { type: 'policy', id: 'ip_allowlist', name: 'IP allowlist' },
    summary: "Ann enabled policy 'IP allowlist' (4 IP ranges)",
  },
  {
    name: 'VantaIntegrationConnected, no workspace name',
    event: { type: 'VantaIntegrationConnected', data: { orgId } },
    action: 'Connected Vanta integration',
    target: { type: 'vanta_integration', id: orgId, name: 'Vanta' },
    summary: 'Ann connected the Vanta integration',
  },
  {
    name: 'VantaIntegrationDisconnected, no reason',
    event: { type: 'VantaIntegrationDisconnected', data: { orgId } },
    action: 'Disconnected Vanta integration',
    target: { type: 'vanta_integration', id: orgId, name: 'Vanta' },
    summary: 'Ann disconnected the Vanta integration',
  },
  {
    name: 'ActivityLogTokenCreated, no expiry',
    event: { type: 'ActivityLogTokenCreated', data: token },
    action: 'Created Activity Log token',
    target: tokenTarget,
    summary: "Ann created Activity Log token 'SIEM export' (admin view)",
  },
  {
    name: 'ActivityLogTokenCreated, owner view',
    event: { type: 'ActivityLogTokenCreated', data: { ...token, scope: 'owner', tokenHash: 'ab'.repeat(32) } },
    action: 'Created Activity Log token',
    target: tokenTarget,
    summary: "Ann created Activity Log token 'SIEM export' (owner view)",
  },
];

describe('policies describers', () => {
  it('describe every event type of the area, and only those', () => {
    expect([...new Set(cases.map((c) => c.event.type))].sort()).toEqual(Object.keys(policiesDescribers).sort());
  });

  it.each(cases.map((c) => [c.name ?? c.event.type, c] as const))('%s', (_name, c) => {
    const describer = policiesDescribers[c.event.type];
    expect(describer.action).toBe(c.action);
    expect(describer.target(c.event.data)).toEqual(c.target);
    expect(describer.item?.(c.event.data) ?? null).toBeNull();
    expect(describer.initiator).toBeUndefined();
    expect(describer.summary(c.event.data, view)).toBe(c.summary);
    // Nothing here is vault content: admins read the same sentence.
    expect(describer.summary(c.event.data, { ...view, redact: true })).toBe(c.summary);
  });
});
