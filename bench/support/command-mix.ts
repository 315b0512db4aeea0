import autocannon from 'autocannon';
import { BenchServer } from './api-server';
import { Prng, WeightedPicker } from './random';

const HEADERS = { 'content-type': 'application/json', 'user-agent': 'bench-panel/1.0' };

export async function post(server: BenchServer, path: string, token: string, body: object = {}): Promise<Record<string, string>> {
  const res = await fetch(server.url + path, { method: 'POST', headers: { ...HEADERS, authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const json = await res.json().catch(() => undefined);
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${JSON.stringify(json)}`);
  return json as Record<string, string>;
}

async function inParallel<T>(tasks: (() => Promise<T>)[], width = 16): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  }));
  return results;
}

interface MixMsp { id: string; admin: string; service: string; settingChanges: number; members: string[] }
interface MixOrg { id: string; msp: MixMsp; status: 'active' | 'suspended' }
interface VaultOrg { id: string; service: string; members: { id: string; token: string }[]; roster: string[] }
interface Command { path: string; token: string; body: object; done?: (ok: boolean) => void }

/**
 * The weighted command mix of the ingest and lag figures, over aggregates created beforehand:
 * MSPs with deployed organizations, organizations with members and vault items. Mostly
 * conflict-free: an organization is suspended or reactivated by one request at a time and
 * flips only when that succeeds, shares go to new principals, settings never repeat a value.
 */
export class CommandMix {
  private readonly rng: Prng;
  private readonly pick: WeightedPicker;
  private readonly idleOrgs: MixOrg[];
  private counter = 0;
  private refusals = 0;
  private readonly commands: [number, () => Command][] = [
    [30, () => {
      const item = this.rng.pick(this.items);
      return { path: `/vault/items/${item.id}/use`, token: item.token, body: { usage: this.rng.pick(['viewed', 'copied', 'autofilled']), field: 'password' } };
    }],
    [14, () => {
      const org = this.rng.pick(this.vaultOrgs);
      const memberId = this.rng.pick(org.roster);
      // Emails by roster index: a member id (a UUID) can hold a Luhn-valid run of digits, which the API refuses anywhere.
      return { path: `/org/members/${memberId}/sign-ins`, token: org.service, body: { email: `member${org.roster.indexOf(memberId)}@org.example` } };
    }],
    [10, () => this.mspSignIn('succeeded', {})],
    [2, () => this.mspSignIn('failed', { reason: 'wrong_password' })],
    [10, () => {
      const member = this.rng.pick(this.rng.pick(this.vaultOrgs).members);
      return { path: '/vault/items', token: member.token, body: { itemType: this.rng.pick(['password', 'secure_note', 'credit_card']), itemName: `Item ${++this.counter}` } };
    }],
    [8, () => {
      const item = this.rng.pick(this.items);
      const n = ++this.counter;
      return { path: `/vault/items/${item.id}/share`, token: item.token, body: { principal: { type: 'member', id: `grantee-${n}`, displayName: `Grantee ${n}` }, rights: 'view' } };
    }],
    [10, () => this.rename()],
    [8, () => {
      const org = this.idleOrgs.shift();
      if (!org) return this.rename();
      const action = org.status === 'active' ? 'suspend' : 'reactivate';
      const done = (ok: boolean) => {
        if (ok) org.status = org.status === 'active' ? 'suspended' : 'active';
        this.idleOrgs.push(org);
      };
      return { path: `/organizations/${org.id}/${action}`, token: org.msp.admin, body: {}, done };
    }],
    [8, () => {
      const msp = this.rng.pick(this.msps);
      return { path: '/settings', token: msp.admin, body: { key: 'sessionTimeoutMinutes', value: 5 + (msp.settingChanges++ % 1436) } };
    }],
  ];

  private constructor(
    private readonly msps: MixMsp[],
    private readonly orgs: MixOrg[],
    private readonly vaultOrgs: VaultOrg[],
    private readonly items: { id: string; token: string }[],
    seed: number,
  ) {
    this.rng = new Prng(seed);
    this.pick = new WeightedPicker(this.commands.map(([w]) => w));
    this.idleOrgs = [...orgs];
  }

  static async prepare(
    server: BenchServer,
    sizes = { msps: 8, orgsPerMsp: 32, vaultOrgs: 16, membersPerOrg: 4, itemsPerMember: 8, signInMembers: 40 },
  ): Promise<CommandMix> {
    const msps: MixMsp[] = await Promise.all(Array.from({ length: sizes.msps }, async (_, m) => {
      const id = `bench-msp${m}`;
      const admin = await server.token({ subject: `bench-admin${m}`, role: 'msp_admin', mspId: id, email: `admin@msp${m}.example`, name: `Admin ${m}` });
      const signUp = await server.token({ subject: 'sign-up-service', role: 'service', mspId: id });
      await post(server, '/msp', signUp, { name: `MSP ${m}`, ownerMemberId: `bench-owner${m}`, ownerEmail: `owner@msp${m}.example`, ownerName: `Owner ${m}` });
      // Sign-ins are recorded only for members on the MSP's list.
      const members = await inParallel(Array.from({ length: sizes.signInMembers }, (_, k) => async () =>
        (await post(server, '/msp/invitations', admin, { email: `u${k}@msp${m}.example`, role: 'msp_member' })).id));
      return { id, admin, service: await server.token({ subject: 'sign-in-service', role: 'service', mspId: id }), settingChanges: 0, members };
    }));
    const orgs = await inParallel(Array.from({ length: sizes.msps * sizes.orgsPerMsp }, (_, i) => async (): Promise<MixOrg> => {
      const msp = msps[i % msps.length];
      const { id } = await post(server, '/organizations', msp.admin, { name: `Customer ${i}` });
      await post(server, `/organizations/${id}/deploy`, msp.admin);
      return { id, msp, status: 'active' };
    }));
    const vaultOrgs = await Promise.all(orgs.slice(0, sizes.vaultOrgs).map(async ({ id }): Promise<VaultOrg> => ({
      id,
      service: await server.token({ subject: 'sign-in-service', role: 'service', orgId: id }),
      members: await Promise.all(Array.from({ length: sizes.membersPerOrg }, async (_, k) => {
        const subject = `${id.slice(-12)}-owner${k}`;
        return { id: subject, token: await server.token({ subject, role: 'org_member', orgId: id, email: `${subject}@org.example`, name: `Member ${k}` }) };
      })),
      roster: await seedRoster(server, id, sizes.signInMembers),
    })));
    const owners = vaultOrgs.flatMap((o) => o.members).flatMap((m) => Array.from({ length: sizes.itemsPerMember }, () => m));
    const items = await inParallel(owners.map((m, k) => async () => {
      const { id } = await post(server, '/vault/items', m.token, { itemType: 'password', itemName: `Seed item ${k}` });
      return { id, token: m.token };
    }));
    return new CommandMix(msps, orgs, vaultOrgs, items, 7);
  }

  next(): Command {
    return this.commands[this.pick.pick(this.rng)][1]();
  }

  /** autocannon requests that draw each request from the mix. */
  requests(): autocannon.Request[] {
    return [{
      method: 'POST',
      setupRequest: (req: autocannon.Request, context: { done?: Command['done']; path?: string }) => {
        const command = this.next();
        context.done = command.done;
        Object.assign(context, { path: command.path });
        return { ...req, path: command.path, headers: { ...HEADERS, authorization: `Bearer ${command.token}` }, body: JSON.stringify(command.body) };
      },
      onResponse: (status: number, body: string, context: { done?: Command['done']; path?: string }) => {
        context.done?.(status < 300);
        if (status >= 300 && this.refusals++ < 3) console.error(`  command mix: ${context.path} answered ${status}: ${body.slice(0, 300)}`);
      },
    }];
  }

  private rename(): Command {
    const org = this.rng.pick(this.orgs);
    return { path: `/organizations/${org.id}/rename`, token: org.msp.admin, body: { name: `Customer ${++this.counter}` } };
  }

  private mspSignIn(outcome: 'succeeded' | 'failed', extra: object): Command {
    const msp = this.rng.pick(this.msps);
    const memberId = this.rng.pick(msp.members);
    const body = { email: `u${msp.members.indexOf(memberId)}@msp.example`, ip: '198.51.100.7', userAgent: 'Mozilla/5.0 Firefox/128.0', ...extra };
    return { path: `/msp-members/${memberId}/sign-ins/${outcome}`, token: msp.service, body };
  }
}

/** An organization's roster: its first owner, seeded by the provisioning service, who invites the rest. */
async function seedRoster(server: BenchServer, orgId: string, size: number): Promise<string[]> {
  const provisioning = await server.token({ subject: 'provisioning', role: 'service', orgId });
  const ownerId = (await post(server, '/org/invitations', provisioning, { email: `owner@${orgId}.example`, role: 'org_owner' })).id;
  const owner = await server.token({ subject: ownerId, role: 'org_owner', orgId, email: `owner@${orgId}.example` });
  const invited = await inParallel(Array.from({ length: size - 1 }, (_, k) => async () =>
    (await post(server, '/org/invitations', owner, { email: `u${k}@${orgId}.example`, role: 'org_member' })).id));
  return [ownerId, ...invited];
}

export interface LoadResult {
  /** 2xx answers per second. */
  rate: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  /** Non-2xx answers by status, e.g. "409×3". */
  statuses: string;
}

export async function runLoad(url: string, requests: autocannon.Request[], connections: number, seconds: number): Promise<LoadResult> {
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, requests }, (error, r) => (error ? reject(error) : resolve(r)));
  });
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, { count }]) => `${code}×${count}`)
    .join(', ');
  const errors = result.errors + result.timeouts;
  return {
    rate: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx + errors,
    statuses: [statuses, errors ? `errors/timeouts×${errors}` : ''].filter(Boolean).join(', ') || 'none',
  };
}

export const noopRequests = (token: string): autocannon.Request[] => [
  { method: 'POST', path: '/bench/noop', headers: { ...HEADERS, authorization: `Bearer ${token}` }, body: '{}' },
];
