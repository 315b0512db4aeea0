import { DESCRIBERS } from '../catalog/event-catalog';
import { integrationDecider } from '../integrations/integration.decider';
import { IntegrationEvent } from '../integrations/integration.events';
import { mspMemberAccessDecider } from '../msp-access/msp-member-access.decider';
import { orgMemberAccessDecider } from '../org-members/org-member-access.decider';
import { siemIntegrationDecider } from '../policies/siem-integration.decider';
import { SiemIntegrationEvent } from '../policies/siem-integration.events';
import { DomainEvent } from '../shared/decider';
import { CATALOG_SAMPLES } from '../testing/catalog-samples';
import { vaultItemDecider } from '../vault/vault-item.decider';
import { VaultItemEvent } from '../vault/vault-item.events';
import { actorScopeOf, memberScopeOf } from './personal-data';
import { ERASURE_EVENT_TYPES, EVENT_PRIVACY, eventTypesRetained, privacyOf } from './privacy-catalog';

const get = (data: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined), data);

const parentOf = (data: unknown, path: string): unknown => get(data, path.split('.').slice(0, -1).join('.')) ?? (path.includes('.') ? undefined : data);

function stripped(data: Record<string, unknown>, paths: readonly string[]): unknown {
  const copy = structuredClone(data);
  for (const path of paths) {
    const parent = parentOf(copy, path) as Record<string, unknown> | undefined;
    if (parent) delete parent[path.split('.').at(-1)!];
  }
  return copy;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]+/i;
const IP = /\b\d{1,3}(\.\d{1,3}){3}\b|\b[0-9a-f]{1,4}(:[0-9a-f]{0,4}){2,7}\b/i;

/** Emails in the catalog that are a company's, not a member's: kept with the tenant, said in billing.catalog.ts (billingPrivacy). */
const COMPANY_CONTACTS = new Set(['BillingDetailsAdded:billing@northwind.example']);

describe('the personal-data catalog', () => {
  it('declares every event type of the catalog, and no other', () => {
    expect(Object.keys(EVENT_PRIVACY).sort()).toEqual(Object.keys(DESCRIBERS).sort());
  });

  it.each(CATALOG_SAMPLES)('%s: every declared path is a string of the data (or an optional one left out), with its subject', (type, sample) => {
    for (const field of privacyOf(type).personal) {
      const value = get(sample.data, field.path);
      expect([field.path, value === undefined ? typeof parentOf(sample.data, field.path) : typeof value]).toEqual([
        field.path,
        value === undefined ? 'object' : 'string',
      ]);
      if (field.subject !== 'actor') {
        const subject = field.subject(sample.data);
        if (subject !== undefined) expect(typeof subject).toBe('string');
      }
    }
  });

  const personalValues = CATALOG_SAMPLES.flatMap(([type, sample]) =>
    privacyOf(type)
      .personal.filter((field) => field.subject === 'actor' || field.subject(sample.data) !== undefined)
      .map((field) => get(sample.data, field.path))
      .filter((v): v is string => typeof v === 'string' && v.length > 2),
  );

  it.each(CATALOG_SAMPLES)('%s: nothing left in clear looks like a person’s email, IP, name or typed text', (type, sample) => {
    const declared = privacyOf(type).personal.filter((f) => f.subject === 'actor' || f.subject(sample.data) !== undefined).map((f) => f.path);
    const left = strings(stripped(sample.data, declared));
    expect(left.filter((s) => EMAIL.test(s) && !COMPANY_CONTACTS.has(`${type}:${s}`))).toEqual([]);
    expect(left.filter((s) => IP.test(s))).toEqual([]);
    expect(left.filter((s) => personalValues.some((person) => s.includes(person)))).toEqual([]);
  });

  it('leaves a share with a group in clear: its name is the organization’s', () => {
    const [, sample] = CATALOG_SAMPLES.find(([type]) => type === 'ItemSharingRightsChanged')!;
    const [field] = privacyOf('ItemSharingRightsChanged').personal;
    expect(get(sample.data, field.path)).toBe('Ops team');
    expect(field.subject !== 'actor' && field.subject(sample.data)).toBeUndefined();
  });

  it('keeps the erasure events free of personal data, and knows them by name', () => {
    for (const type of ERASURE_EVENT_TYPES) expect(EVENT_PRIVACY[type]).toEqual({ retention: 'state', personal: [] });
  });

  it('treats a type it does not know as state with no declared field', () => {
    expect(privacyOf('SomethingNew')).toEqual({ retention: 'state', personal: [] });
  });

  it('scopes members by tenant, and an actor by its role', () => {
    expect(memberScopeOf({ mspId: 'msp-1', orgId: 'org-1' })).toBe('org:org-1');
    expect(memberScopeOf({ mspId: 'msp-1' })).toBe('msp:msp-1');
    expect(memberScopeOf({})).toBeUndefined();
    expect(actorScopeOf('msp_admin', { mspId: 'msp-1', orgId: 'org-1' })).toBe('msp:msp-1');
    expect(actorScopeOf('org_owner', { mspId: 'msp-1', orgId: 'org-1' })).toBe('org:org-1');
    expect(actorScopeOf('msp_owner', { orgId: 'org-1' })).toBeUndefined();
  });
});

describe('the activity retention class', () => {
  const sample = (type: string) => ({ type, data: CATALOG_SAMPLES.find(([t]) => t === type)![1].data }) as DomainEvent as never;

  it('holds only sign-ins and accesses of organization members, item uses, syncs and password changes', () => {
    expect(eventTypesRetained('activity').sort()).toEqual([
      'AdminPanelAccessed', 'IntegrationSyncFailed', 'IntegrationSyncSucceeded', 'ItemUsed', 'MemberSignInFailed', 'MemberSignInSucceeded',
      'MspPasswordChanged', 'SiemIntegrationSyncFailed', 'SiemIntegrationSyncSucceeded', 'VaultAccessed',
    ]);
  });

  it('is made of events no decider needs: folding them changes no state a decision reads', () => {
    const item = vaultItemDecider.evolve(vaultItemDecider.initialState, sample('ItemCreated') as VaultItemEvent);
    expect(vaultItemDecider.evolve(item, sample('ItemUsed'))).toBe(item);
    const integration = integrationDecider.evolve(integrationDecider.initialState, sample('IntegrationSetUp') as IntegrationEvent);
    for (const type of ['IntegrationSyncSucceeded', 'IntegrationSyncFailed']) expect(integrationDecider.evolve(integration, sample(type))).toBe(integration);
    const siem = siemIntegrationDecider.evolve(siemIntegrationDecider.initialState, sample('SiemIntegrationSetUp') as SiemIntegrationEvent);
    for (const type of ['SiemIntegrationSyncSucceeded', 'SiemIntegrationSyncFailed']) expect(siemIntegrationDecider.evolve(siem, sample(type))).toBe(siem);
    const access = mspMemberAccessDecider.evolve(mspMemberAccessDecider.initialState, sample('MspSignInSucceeded'));
    expect(mspMemberAccessDecider.evolve(access, sample('MspPasswordChanged'))).toBe(access);
    // An organization member's accesses only refresh the contact details a later command may fall back on.
    const mfa = orgMemberAccessDecider.evolve(orgMemberAccessDecider.initialState, sample('MemberMfaEnabled'));
    for (const type of ['AdminPanelAccessed', 'VaultAccessed', 'MemberSignInSucceeded', 'MemberSignInFailed']) {
      expect(orgMemberAccessDecider.evolve(mfa, sample(type))).toMatchObject({ orgId: mfa.orgId, mfaEnabled: true });
    }
  });
});
