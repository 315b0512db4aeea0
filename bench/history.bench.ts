import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { mspMemberAccessStream, organizationStream } from '@app/domain';
import { NewEvent, SqliteEventStore } from '@app/event-store';
import { initiatorOf, Principal, RequestContext } from '@app/auth';
import { ALL_COMMAND_BINDINGS, CommandExecutor, CommandRequest } from '@app/commands';
import { SqliteKeyStore } from '@app/privacy';
import { privacyParts } from '@app/privacy/testing/privacy.testing';
import { embeddedTenantDirectory } from '@app/tenancy/tenant-directory.testing';
import { envInt, Figure, withScratchDir } from './bench-utils';
import { median } from './support/stats';

const MSP = 'msp-history';
const contextOf = (principal: Principal): RequestContext => ({
  principal, initiator: initiatorOf(principal), client: { ip: '198.51.100.7' }, correlationId: uuidv7(), commandId: uuidv7(),
});
const owner = contextOf({ subject: 'owner', role: 'msp_owner', mspId: MSP, email: 'owner@msp.example' });
const signIns = contextOf({ subject: 'sign-in-service', role: 'service', mspId: MSP });
const signUp = contextOf({ subject: 'sign-up-service', role: 'service', mspId: MSP });

type Variant = 'state cache' | 'no cache (full read)';
interface Case { name: string; run(executor: CommandExecutor, sample: number): Promise<unknown> }

/**
 * Figure: latency of one command against the length of its stream's history, through the command
 * executor on a SQLite store (synchronous=FULL, one command at a time: latency, not throughput).
 * Streams are seeded with 1,000 and 10,000 past events; the baseline is a stream with none
 * (a member's first sign-in) or one (a new organization's rename). The executor with its state
 * cache and one with the cache off (every command folds the whole stream, as before) alternate in
 * rounds on the same file; p50s are the medians over the rounds.
 */
export async function historyBench(): Promise<Figure[]> {
  const samples = envInt('BENCH_HISTORY_SAMPLES', 60);
  const rounds = envInt('BENCH_HISTORY_ROUNDS', 3);
  const sizes = [1_000, 10_000];
  return withScratchDir('bench-history', async (dir) => {
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    const { tenants, close } = embeddedTenantDirectory(store, 1000);
    // Personal fields sealed and revealed as the API does (a key store of its own in the scratch directory).
    const { personalData } = privacyParts(new SqliteKeyStore(join(dir, 'keys.sqlite')));
    const executors: Record<Variant, CommandExecutor> = {
      'state cache': new CommandExecutor(ALL_COMMAND_BINDINGS, store, tenants, personalData),
      'no cache (full read)': new CommandExecutor(ALL_COMMAND_BINDINGS, store, tenants, personalData, 0),
    };
    try {
      const fresh = samples * rounds * 2; // per case: rounds × variants × samples
      const world = await seed(executors['state cache'], store, fresh, sizes);
      const cases: { history: number; name: string; c: Case }[] = [
        { history: 0, name: 'MSP member sign-in', c: { name: 'first sign-in', run: (e, k) => e.execute(signIn(world.freshMembers[k]), signIns) } },
        { history: 1, name: 'organization rename', c: { name: 'new organization', run: (e, k) => e.execute(rename(world.freshOrgs[k], k), owner) } },
        ...sizes.flatMap((size) => [
          { history: size, name: 'MSP member sign-in', c: { name: `${size}`, run: (e: CommandExecutor) => e.execute(signIn(world.busyMembers[size]), signIns) } },
          { history: size, name: 'organization rename', c: { name: `${size}`, run: (e: CommandExecutor, k: number) => e.execute(rename(world.busyOrgs[size], k), owner) } },
        ]),
      ];
      const p50s = new Map<string, number[]>();
      const used = new Map<string, number>();
      for (let round = 0; round < rounds; round++) {
        for (const variant of Object.keys(executors) as Variant[]) {
          for (const { history, name, c } of cases) {
            const latencies: number[] = [];
            for (let i = 0; i < samples; i++) {
              const k = history <= 1 ? nextOf(used, name) : round * samples + i + 1_000_000 * (variant === 'state cache' ? 1 : 2);
              const started = performance.now();
              await c.run(executors[variant], k);
              latencies.push(performance.now() - started);
            }
            const key = `${name}|${history}|${variant}`;
            p50s.set(key, [...(p50s.get(key) ?? []), median(latencies)]);
          }
        }
      }
      return figuresOf(p50s, sizes, samples, rounds);
    } finally {
      await store.close();
      close();
    }
  });
}

/** A fresh stream's index per case: each member signs in for the first time, each organization is renamed once. */
function nextOf(used: Map<string, number>, name: string): number {
  const k = used.get(name) ?? 0;
  used.set(name, k + 1);
  return k;
}

function figuresOf(p50s: Map<string, number[]>, sizes: number[], samples: number, rounds: number): Figure[] {
  const figures: Figure[] = [];
  for (const name of ['MSP member sign-in', 'organization rename']) {
    const base = name === 'organization rename' ? 1 : 0;
    for (const variant of ['state cache', 'no cache (full read)'] as Variant[]) {
      const at = (h: number) => median(p50s.get(`${name}|${h}|${variant}`)!);
      for (const history of [base, ...sizes]) {
        const ratio = history === base ? `${samples} commands × ${rounds} rounds` : `×${(at(history) / at(base)).toFixed(2)} of ${base} past event(s)${variant === 'state cache' && history === 10_000 ? ' (target ≤ ×1.5)' : ''}`;
        figures.push({ figure: 'history', variant: `${name}, ${history.toLocaleString('en-US')} past events, ${variant}: p50`, value: at(history), unit: 'ms', note: ratio });
      }
    }
  }
  return figures;
}

const signIn = (memberId: string): CommandRequest => ({ type: 'RecordMspSignInSuccess', memberId, email: `${memberId}@msp.example`, by: signIns.initiator }) as CommandRequest;
const rename = (organizationId: string, k: number): CommandRequest => ({ type: 'RenameOrganization', organizationId, name: `Customer ${k}`, by: owner.initiator }) as CommandRequest;

/** An MSP with `fresh` members and organizations never used, and for each size a member and an organization with that many past events. */
async function seed(executor: CommandExecutor, store: SqliteEventStore, fresh: number, sizes: number[]) {
  await executor.execute({ type: 'CreateMspAccount', mspId: MSP, name: 'MSP', ownerMemberId: 'owner', ownerEmail: 'owner@msp.example', ownerName: 'Owner', by: signUp.initiator } as CommandRequest, signUp);
  const invite = async (k: number) =>
    (await executor.execute({ type: 'InviteMspMember', mspId: MSP, memberId: `m-${k}`, email: `m-${k}@msp.example`, role: 'msp_member', by: owner.initiator } as CommandRequest, owner)).id;
  const create = async () => {
    const organizationId = uuidv7();
    await executor.execute({ type: 'CreateOrganization', organizationId, name: 'Customer', by: owner.initiator } as CommandRequest, owner);
    return organizationId;
  };
  const freshMembers: string[] = [];
  const freshOrgs: string[] = [];
  for (let k = 0; k < fresh; k++) {
    freshMembers.push(await invite(k));
    freshOrgs.push(await create());
  }
  const busyMembers: Record<number, string> = {};
  const busyOrgs: Record<number, string> = {};
  for (const size of sizes) {
    busyMembers[size] = await invite(fresh + size);
    await executor.execute(signIn(busyMembers[size]), signIns);
    await copies(store, mspMemberAccessStream(MSP, busyMembers[size]), size - 1);
    busyOrgs[size] = await create();
    await executor.execute(rename(busyOrgs[size], -1), owner);
    await copies(store, organizationStream(busyOrgs[size]), size - 2);
  }
  return { freshMembers, freshOrgs, busyMembers, busyOrgs };
}

/** Appends `count` copies of the stream's last event (new ids), 1,000 per append. */
async function copies(store: SqliteEventStore, streamId: string, count: number): Promise<void> {
  const [last] = await store.readStream(streamId, { direction: 'backwards', limit: 1 });
  const event: NewEvent = { type: last.type, data: last.data, metadata: last.metadata } as NewEvent;
  for (let done = 0; done < count; done += 1000) {
    await store.append(streamId, Array.from({ length: Math.min(1000, count - done) }, () => ({ ...event })), 'any');
  }
}
