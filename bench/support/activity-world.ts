import { Actor, NewEvent, RecordedEvent, Tenant } from '@app/event-store';
import { Prng, WeightedPicker, zipf } from './random';

/**
 * A deterministic, skewed world of MSPs, organizations, members and vault items, and a
 * chronological stream of realistic events in it (the data of the query and rebuild figures).
 * Rank 0 is always the busiest: MSP 0, the first member of an MSP, the first organization of an MSP.
 */
export interface WorldOptions {
  seed: number;
  msps?: number;
  orgs?: number;
  mspMembers?: number;
  orgMembers?: number;
  days?: number;
  /** The instant the history ends (exclusive); fixed so that a cached dataset stays valid. */
  endMs?: number;
}

export const DAY_MS = 86_400_000;
export const DATASET_END_MS = Date.UTC(2026, 0, 1);

export interface Person { id: string; email: string; name: string; ip: string; userAgent: string }
interface Item { itemId: string; itemType: string; itemName: string }
interface Org { id: string; name: string; renames: number; status: 'active' | 'suspended'; members: Person[]; items: Item[] }
interface Integration { integrationId: string; kind: string; name: string }
export interface Msp { id: string; members: Person[]; orgs: Org[]; orgPick: WeightedPicker; integrations: Integration[]; sessionTimeout: number }

/** An event as the port would record it (id, time and position known in advance). */
export type GeneratedEvent = Omit<RecordedEvent, 'revision' | 'schemaVersion'>;

interface Draft { streamId: string; type: string; data: Record<string, unknown>; actor: Actor; tenant: Tenant; ip: string; userAgent: string }
type Maker = (w: World, msp: Msp) => Draft;

const USER_AGENTS = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0', 'Mozilla/5.0 (Macintosh) Safari/17.5', 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0', 'Passwords/8.10 (iOS 17.5)'];
const ITEM_TYPES = ['password', 'password', 'password', 'secure_note', 'credit_card', 'personal_info', 'bank_account', 'ssh_key', 'software_license'];
const SERVICE_IP = '10.0.0.5';
const service = (id: string): Actor => ({ type: 'service', id, role: 'service' });
const asActor = (p: Person, role: string): Actor => ({ type: 'member', id: p.id, email: p.email, name: p.name, role });

/** The event mix, weighted: vault use and sign-ins dominate, as in a real password manager. */
const KINDS: [number, Maker][] = [
  // MSP side: the six MSP Activity Log categories.
  [12, (w, msp) => mspSignIn(w, msp, 'MspSignInSucceeded', {})],
  [1.5, (w, msp) => mspSignIn(w, msp, 'MspSignInFailed', { reason: w.rng.pick(['wrong_password', 'mfa_failed', 'account_locked']) })],
  [0.4, (w, msp) => {
    const k = w.rng.int(1_000_000);
    return mspAdmin(w, msp, `msp-${msp.id}`, 'MspMemberInvited', { memberId: `${msp.id}-invite${k}`, email: `invite${k}@${msp.id}.example`, role: 'msp_member' });
  }],
  [0.2, (w, msp) => {
    const p = w.rng.pick(msp.members);
    return mspAdmin(w, msp, `msp-${msp.id}`, 'MspMemberRoleChanged', { memberId: p.id, email: p.email, name: p.name, previousRole: 'msp_member', newRole: 'msp_admin' });
  }],
  [1.2, (w, msp) => {
    const org = w.orgOf(msp);
    const newName = `${org.name.replace(/ \(\d+\)$/, '')} (${++org.renames})`;
    const draft = orgAdmin(w, msp, org, 'OrganizationRenamed', { organizationId: org.id, previousName: org.name, newName });
    org.name = newName;
    return draft;
  }],
  [0.6, (w, msp) => {
    const org = w.orgOf(msp);
    org.status = org.status === 'active' ? 'suspended' : 'active';
    const type = org.status === 'suspended' ? 'OrganizationSuspended' : 'OrganizationReactivated';
    return orgAdmin(w, msp, org, type, { organizationId: org.id, name: org.name, ...(type === 'OrganizationSuspended' && { reason: 'unpaid invoice' }) });
  }],
  [4, (w, msp) => sync(w, msp, 'IntegrationSyncSucceeded', { eventsSent: 1 + w.rng.int(5000) })],
  [0.5, (w, msp) => sync(w, msp, 'IntegrationSyncFailed', { error: 'HTTP 503 from the collector' })],
  [0.2, (w, msp) => {
    const i = w.rng.pick(msp.integrations);
    return mspAdmin(w, msp, `integration-${i.integrationId}`, 'IntegrationEdited', { ...i, changes: [{ field: 'index', previousValue: 'audit', newValue: 'audit-2' }] });
  }],
  [0.2, (w, msp) => mspAdmin(w, msp, `billing-${msp.id}`, 'BillingDetailsChanged', {
    mspId: msp.id, companyName: `${msp.id} Ltd`, changes: [{ field: 'billingEmail', previousValue: `billing@${msp.id}.example`, newValue: `ap@${msp.id}.example` }],
  })],
  [1, (w, msp) => {
    const oldValue = msp.sessionTimeout;
    msp.sessionTimeout = 5 + ((oldValue + 7) % 1436);
    return mspAdmin(w, msp, `mspSettings-${msp.id}`, 'MspSettingChanged', { mspId: msp.id, key: 'sessionTimeoutMinutes', oldValue, newValue: msp.sessionTimeout });
  }],
  // Organization side: the Business Activity Log (its entries carry the supervising MSP too).
  [35, (w, msp) => {
    const org = w.orgOf(msp);
    const item = w.itemOf(org);
    if (!item) return createItem(w, msp, org);
    return member(w, msp, org, `vaultItem-${item.itemId}`, 'ItemUsed', { ...item, usage: w.rng.pick(['viewed', 'copied', 'autofilled']), field: 'password' });
  }],
  [5, (w, msp) => createItem(w, msp, w.orgOf(msp))],
  [3, (w, msp) => itemEvent(w, msp, 'ItemUpdated', () => ({ changes: [{ field: 'password' }] }))],
  [3, (w, msp) => itemEvent(w, msp, 'ItemShared', (org) => {
    const p = w.memberOf(org.members);
    return { principal: { type: 'member', id: p.id, displayName: p.name }, rights: w.rng.pick(['view', 'view', 'edit', 'manage']) };
  })],
  [0.5, (w, msp) => itemEvent(w, msp, 'ItemAccessRevoked', (org) => {
    const p = w.memberOf(org.members);
    return { principal: { type: 'member', id: p.id, displayName: p.name }, previousRights: 'view' };
  })],
  [0.3, (w, msp) => itemEvent(w, msp, 'ItemDeleted', (org, item) => {
    org.items.splice(org.items.indexOf(item), 1);
    return {};
  })],
  [15, (w, msp) => orgAccess(w, msp, 'MemberSignInSucceeded', {})],
  [1.5, (w, msp) => orgAccess(w, msp, 'MemberSignInFailed', { reason: w.rng.pick(['wrong_password', 'wrong_mfa_code', 'sso_failed']) })],
  [8, (w, msp) => orgAccess(w, msp, 'VaultAccessed', { vaultId: 'shared', vaultName: 'Shared' }, true)],
  [2, (w, msp) => orgAccess(w, msp, 'AdminPanelAccessed', {}, true)],
  [0.5, (w, msp) => {
    const org = w.orgOf(msp);
    const k = w.rng.int(1_000_000);
    return member(w, msp, org, `orgRoster-${org.id}`, 'MemberInvited', { orgId: org.id, memberId: `${org.id}-invite${k}`, email: `invite${k}@${org.id}.example`, role: 'org_member' }, 'org_admin');
  }],
  [0.2, (w, msp) => {
    const org = w.orgOf(msp);
    const p = w.memberOf(org.members);
    return member(w, msp, org, `orgRoster-${org.id}`, 'MemberRoleChanged', { orgId: org.id, memberId: p.id, email: p.email, name: p.name, previousRole: 'org_member', newRole: 'org_admin' }, 'org_owner');
  }],
  [0.25, (w, msp) => {
    const org = w.orgOf(msp);
    const type = w.rng.next() < 0.6 ? 'PolicyEnabled' : 'PolicyDisabled';
    return member(w, msp, org, `policy-${org.id}`, type, { orgId: org.id, policyKey: 'require_mfa', policyName: 'Require two-factor authentication' }, 'org_owner');
  }],
];

function mspSignIn(w: World, msp: Msp, type: string, extra: object): Draft {
  const p = w.memberOf(msp.members);
  const data = { memberId: p.id, email: p.email, mspId: msp.id, ip: p.ip, userAgent: p.userAgent, ...extra };
  return { streamId: `mspMember-${msp.id}/${p.id}`, type, data, actor: service('sign-in-service'), tenant: { mspId: msp.id }, ip: SERVICE_IP, userAgent: 'sign-in-service/2.3' };
}

function mspAdmin(w: World, msp: Msp, streamId: string, type: string, data: Record<string, unknown>): Draft {
  const p = w.memberOf(msp.members);
  return { streamId, type, data, actor: asActor(p, 'msp_admin'), tenant: { mspId: msp.id }, ip: p.ip, userAgent: p.userAgent };
}

function orgAdmin(w: World, msp: Msp, org: Org, type: string, data: Record<string, unknown>): Draft {
  return { ...mspAdmin(w, msp, `organization-${org.id}`, type, data), tenant: { mspId: msp.id, orgId: org.id } };
}

function sync(w: World, msp: Msp, type: string, extra: object): Draft {
  const i = w.rng.pick(msp.integrations);
  return { streamId: `integration-${i.integrationId}`, type, data: { ...i, ...extra }, actor: service('integration-sync'), tenant: { mspId: msp.id }, ip: SERVICE_IP, userAgent: 'integration-sync/1.0' };
}

function member(w: World, msp: Msp, org: Org, streamId: string, type: string, data: Record<string, unknown>, role = 'org_member', p = w.memberOf(org.members)): Draft {
  return { streamId, type, data, actor: asActor(p, role), tenant: { mspId: msp.id, orgId: org.id }, ip: p.ip, userAgent: p.userAgent };
}

function createItem(w: World, msp: Msp, org: Org): Draft {
  const owner = w.memberOf(org.members);
  const item = { itemId: w.rng.uuid(w.now), itemType: w.rng.pick(ITEM_TYPES), itemName: `Item ${org.items.length + 1}` };
  org.items.push(item);
  const data = { ...item, orgId: org.id, ownerMemberId: owner.id, ownerName: owner.name };
  return member(w, msp, org, `vaultItem-${item.itemId}`, 'ItemCreated', data, 'org_member', owner);
}

function itemEvent(w: World, msp: Msp, type: string, extra: (org: Org, item: Item) => object): Draft {
  const org = w.orgOf(msp);
  const item = w.itemOf(org);
  if (!item) return createItem(w, msp, org);
  return member(w, msp, org, `vaultItem-${item.itemId}`, type, { ...item, ...extra(org, item) });
}

function orgAccess(w: World, msp: Msp, type: string, extra: object, selfRecorded = false): Draft {
  const org = w.orgOf(msp);
  const p = w.memberOf(org.members);
  const data = { orgId: org.id, memberId: p.id, email: p.email, name: p.name, ...extra };
  if (selfRecorded) return member(w, msp, org, `orgMember-${org.id}/${p.id}`, type, data, 'org_member', p);
  return { streamId: `orgMember-${org.id}/${p.id}`, type, data, actor: service('sign-in-service'), tenant: { mspId: msp.id, orgId: org.id }, ip: SERVICE_IP, userAgent: 'sign-in-service/2.3' };
}

export class World {
  readonly rng: Prng;
  readonly msps: Msp[];
  /** Time of the event being generated (ms). */
  now = 0;
  private readonly mspPick: WeightedPicker;
  private readonly kindPick = new WeightedPicker(KINDS.map(([weight]) => weight));
  private readonly memberPicks = new Map<number, WeightedPicker>();

  constructor(readonly options: Required<WorldOptions>) {
    const { seed, msps, orgs, mspMembers, orgMembers } = options;
    this.rng = new Prng(seed);
    this.mspPick = zipf(msps);
    const person = (id: string, domain: string, k: number): Person => ({
      id, email: `user${k}@${domain}.example`, name: `User ${k} of ${domain}`,
      ip: `198.51.${this.rng.int(256)}.${this.rng.int(256)}`, userAgent: this.rng.pick(USER_AGENTS),
    });
    this.msps = Array.from({ length: msps }, (_, m) => ({
      id: `msp${m}`,
      members: Array.from({ length: mspMembers }, (_, k) => person(`msp${m}-u${k}`, `msp${m}`, k)),
      orgs: [],
      orgPick: zipf(1),
      integrations: ['splunk', 'microsoft_sentinel'].map((kind) => ({ integrationId: this.rng.uuid(), kind, name: `${kind} of msp${m}` })),
      sessionTimeout: 60,
    }));
    // Organizations go to MSPs with the same skew (each MSP has at least one).
    for (let o = 0; o < orgs; o++) {
      const msp = this.msps[o < msps ? o : this.mspPick.pick(this.rng)];
      const members = Array.from({ length: orgMembers }, (_, k) => person(`org${o}-u${k}`, `org${o}`, k));
      msp.orgs.push({ id: this.rng.uuid(), name: `Customer ${o}`, renames: 0, status: 'active', members, items: [] });
    }
    for (const msp of this.msps) msp.orgPick = zipf(msp.orgs.length);
  }

  /** `count` events, oldest first, spread over the configured days up to endMs. */
  *events(count: number): Generator<GeneratedEvent> {
    const { days, endMs } = this.options;
    const span = days * DAY_MS;
    const start = endMs - span;
    for (let i = 0; i < count; i++) {
      this.now = Math.floor(start + ((i + this.rng.next()) * span) / count);
      const msp = this.msps[this.mspPick.pick(this.rng)];
      const draft = KINDS[this.kindPick.pick(this.rng)][1](this, msp);
      const id = this.rng.uuid(this.now);
      yield {
        id, type: draft.type, streamId: draft.streamId, position: BigInt(i + 1), occurredAt: new Date(this.now).toISOString(), data: draft.data,
        metadata: { actor: draft.actor, tenant: draft.tenant, client: { ip: draft.ip, userAgent: draft.userAgent }, correlationId: id },
      };
    }
  }

  orgOf(msp: Msp): Org {
    return msp.orgs[msp.orgPick.pick(this.rng)];
  }

  memberOf(people: Person[]): Person {
    let pick = this.memberPicks.get(people.length);
    if (!pick) this.memberPicks.set(people.length, (pick = zipf(people.length)));
    return people[pick.pick(this.rng)];
  }

  itemOf(org: Org): Item | undefined {
    return org.items.length === 0 ? undefined : org.items[this.rng.int(org.items.length)];
  }
}

export function createWorld(options: WorldOptions): World {
  return new World({ msps: 50, orgs: 2000, mspMembers: 40, orgMembers: 25, days: 90, endMs: DATASET_END_MS, ...options });
}

/** The event as a writer hands it to `append` (the port assigns time and position). */
export function toNewEvent(e: GeneratedEvent): NewEvent {
  return { id: e.id, type: e.type, data: e.data, metadata: e.metadata };
}
