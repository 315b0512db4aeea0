import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { copyFileSync, linkSync } from 'node:fs';
import { join } from 'node:path';
import { MSP_CATEGORIES } from '@app/domain';
import { ConfigModule, loadConfig } from '@app/config';
import { EVENT_STORE, EventStore, EventStoreModule, NewEvent, SqliteEventStore } from '@app/event-store';
import { ACTIVITY_LOG_STORE, ActivityLogStore, CursorSigner, ProjectorRegistry, ReadModelsModule, rebuildView } from '@app/projections';
import { PullService } from '@app/queries/pull/pull.service';
import { envInt, Figure, withScratchDir } from './bench-utils';
import { createWorld, GeneratedEvent, toNewEvent } from './support/activity-world';
import { startBenchServer } from './support/api-server';
import { cachedFile } from './support/cache';
import { LoadResult, runLoad } from './support/command-mix';
import { PersonalData, PrivacyModule } from '@app/privacy';

@Module({})
class PullBenchModule {}

const LIMIT = 1000;
const MSP = 'msp0';

/**
 * The pull API's figures. 1: events/s one poller gets at limit=1000, following its cursor from the
 * start to the end of an MSP's log (a realistic world of one MSP, cached in bench/.cache), over HTTP
 * against the API in a child process and through PullService alone, beside reading every event of
 * the same store through `readAll` pages of 1000 (what the pull reads from is a view of them).
 * 2: the rate limit's cost per request: the same route and load with the throttler on and off.
 */
export async function pullBench(): Promise<Figure[]> {
  const count = envInt('BENCH_PULL_EVENTS', 100_000);
  const { file } = await cachedFile(`events-${count}-seed7-one-msp.sqlite`, (f) => appendEvents(f, count));
  return [...(await throughput(file, count)), ...(await rateLimitOverhead())];
}

async function throughput(file: string, count: number): Promise<Figure[]> {
  return withScratchDir('bench-pull', async (dir) => {
    try {
      linkSync(file, join(dir, 'events.sqlite'));
    } catch {
      copyFileSync(file, join(dir, 'events.sqlite'));
    }
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', EVENTSTORE_URL: '', MONGO_URL: '' });
    const app = await NestFactory.createApplicationContext(
      { module: PullBenchModule, imports: [ConfigModule.forRoot(config), EventStoreModule, PrivacyModule.forRoot(), ReadModelsModule.forRoot({ runProjectors: false, mongo: false })] },
      { logger: false },
    );
    let viewEntries: number;
    let readAll: number;
    let service: number;
    try {
      const store = app.get<EventStore>(EVENT_STORE);
      await rebuildView(store, app.get(ProjectorRegistry).get('activity-log'), { batchSize: 1000 });
      readAll = Math.max(await readAllRate(store), await readAllRate(store));
      const pulls = new PullService(app.get<ActivityLogStore>(ACTIVITY_LOG_STORE), new CursorSigner('b'.repeat(40)), app.get(PersonalData));
      const feed = { name: 'msp', scoped: { query: { scope: { mspId: MSP }, categories: MSP_CATEGORIES }, audience: 'msp' as const, dto: {}, memberScopes: [] } };
      const reader = { subject: 'bench', role: 'msp_api_client' as const, mspId: MSP };
      const direct = async () => timed(async () => {
        let cursor: string | undefined;
        let got = 0;
        for (let more = true; more; ) {
          const page = await pulls.pull(feed, reader, { limit: LIMIT, cursor });
          got += page.items.length;
          cursor = page.cursor;
          more = page.hasMore;
        }
        return got;
      });
      const [first, second] = [await direct(), await direct()];
      viewEntries = first.items;
      service = Math.max(first.rate, second.rate);
    } finally {
      await app.close();
    }
    const server = await startBenchServer(dir, { PROJECTORS_IN_API: 'false', RATE_LIMIT: '0', LOG_LEVEL: 'warn' });
    try {
      const token = await server.token({ subject: 'bench-owner', role: 'msp_owner', mspId: MSP });
      const overHttp = async () => timed(async () => {
        let cursor: string | undefined;
        let got = 0;
        for (let more = true; more; ) {
          const url = new URL('/pull/msp', server.url);
          url.searchParams.set('limit', String(LIMIT));
          if (cursor) url.searchParams.set('cursor', cursor);
          const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
          if (res.status !== 200) throw new Error(`pull answered ${res.status}`);
          const page = (await res.json()) as { items: unknown[]; cursor: string; hasMore: boolean };
          got += page.items.length;
          cursor = page.cursor;
          more = page.hasMore;
        }
        return got;
      });
      const http = Math.max((await overHttp()).rate, (await overHttp()).rate);
      const note = `${viewEntries.toLocaleString('en-US')} entries of the MSP log of ${count.toLocaleString('en-US')} events; best of 2 passes`;
      return [
        { figure: 'pull', variant: 'one poller, limit=1000, over HTTP (GET /pull/msp)', value: http, unit: 'events/s', note },
        { figure: 'pull', variant: 'one poller, limit=1000, PullService (no HTTP)', value: service, unit: 'events/s', note },
        { figure: 'pull', variant: 'readAll pages of 1000 on the same store (ceiling)', value: readAll, unit: 'events/s', note: `every one of the ${count.toLocaleString('en-US')} events; best of 2 passes` },
      ];
    } finally {
      await server.close();
    }
  });
}

/** autocannon on GET /pull/msp?limit=1 with the same token, throttler on (a limit never reached) and off (RATE_LIMIT=0), each on a fresh server. */
async function rateLimitOverhead(): Promise<Figure[]> {
  const seconds = envInt('BENCH_PULL_SECONDS', 10);
  const connections = envInt('BENCH_PULL_CONNECTIONS', 16);
  const run = (settings: Record<string, string>) =>
    withScratchDir('bench-ratelimit', async (dir) => {
      const server = await startBenchServer(dir, { ...settings, LOG_LEVEL: 'warn' });
      try {
        const token = await server.token({ subject: 'bench-owner', role: 'msp_owner', mspId: MSP });
        const requests = [{ method: 'GET' as const, path: '/pull/msp?limit=1', headers: { authorization: `Bearer ${token}` } }];
        await runLoad(server.url, requests, connections, 2); // warm-up
        return await runLoad(server.url, requests, connections, seconds);
      } finally {
        await server.close();
      }
    });
  // A 1 s window: the throttler keeps a log of each credential's hits in the window (a sliding log), here about one
  // second of requests, as many as the default 600 a minute holds at most; a limit of 10^6 is never reached.
  // Off, on, off, on: the best of each, as the machine's load comes and goes.
  const results = [];
  const throttlerOff: Record<string, string> = { RATE_LIMIT: '0' };
  const throttlerOn: Record<string, string> = { RATE_LIMIT: '1000000', RATE_LIMIT_WINDOW_S: '1' };
  for (const settings of [throttlerOff, throttlerOn, throttlerOff, throttlerOn]) {
    results.push(await run(settings));
  }
  const best = (a: LoadResult, b: LoadResult) => (a.rate >= b.rate ? a : b);
  const [off, on] = [best(results[0], results[2]), best(results[1], results[3])];
  const load = `${connections} connections, ${seconds} s, one credential`;
  const perRequestUs = ((1 / on.rate - 1 / off.rate) * 1e6).toFixed(0);
  return [
    { figure: 'rate limit', variant: 'GET /pull/msp?limit=1 with the throttler', value: on.rate, unit: 'requests/s', note: `${load}; p50 ${on.p50} ms, p99 ${on.p99} ms; non-2xx: ${on.statuses}` },
    { figure: 'rate limit', variant: 'same route, throttler off (RATE_LIMIT=0)', value: off.rate, unit: 'requests/s', note: `${load}; p50 ${off.p50} ms, p99 ${off.p99} ms; non-2xx: ${off.statuses}` },
    { figure: 'rate limit', variant: 'cost per request (1/on − 1/off)', value: Number(perRequestUs), unit: 'µs', note: 'of one process’s time; negative or near 0 means within the noise' },
  ];
}

async function timed(work: () => Promise<number>): Promise<{ items: number; rate: number }> {
  const started = performance.now();
  const items = await work();
  return { items, rate: items / ((performance.now() - started) / 1000) };
}

async function readAllRate(store: EventStore): Promise<number> {
  return (await timed(async () => {
    let read = 0;
    let after: bigint | undefined;
    for (;;) {
      const page = await store.readAll({ fromPosition: after, limit: LIMIT });
      if (page.length === 0) return read;
      read += page.length;
      after = page[page.length - 1].position;
    }
  })).rate;
}

/** The realistic mix of one MSP (msp0) and its organizations, appended through the port, grouped per stream. */
async function appendEvents(file: string, count: number): Promise<void> {
  const store = new SqliteEventStore({ file, synchronous: 'OFF' }); // a cache file: rebuilt if a crash interrupts it
  let chunk: GeneratedEvent[] = [];
  const flush = async () => {
    const streams = new Map<string, NewEvent[]>();
    for (const e of chunk) streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), toNewEvent(e)]);
    await Promise.all([...streams].map(([streamId, events]) => store.append(streamId, events, 'any')));
    chunk = [];
  };
  for (const event of createWorld({ seed: 7, msps: 1, orgs: 200 }).events(count)) {
    chunk.push(event);
    if (chunk.length === 10_000) await flush();
  }
  await flush();
  await store.close();
}
