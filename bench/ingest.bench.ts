import { envInt, Figure, withScratchDir } from './bench-utils';
import { startBenchServer } from './support/api-server';
import { startBareHttpServer } from './support/bare-http';
import { CommandMix, LoadResult, noopRequests, runLoad } from './support/command-mix';
import { median } from './support/stats';

const BARE_REQUESTS = noopRequests('unused').map(({ method, body }) => ({ method, path: '/', body, headers: { 'content-type': 'application/json' } }));

/**
 * The HTTP figures, all from one run on the same connections: a bare node:http server answering
 * `{}` (the floor Node sets: nothing of ours), `POST /bench/noop` behind the API's guards, pipes,
 * interceptors and logging, and the realistic command mix, each in a process of its own
 * (autocannon stays here). The three alternate for several rounds, and the medians are reported,
 * so a burst of load from elsewhere on the machine hits all of them alike.
 */
export async function ingestBench(): Promise<Figure[]> {
  const seconds = envInt('BENCH_INGEST_SECONDS', 5);
  const rounds = envInt('BENCH_INGEST_ROUNDS', 3);
  const connections = envInt('BENCH_INGEST_CONNECTIONS', 32);
  return withScratchDir('bench-ingest', async (dir) => {
    const [server, bare] = await Promise.all([startBenchServer(dir), startBareHttpServer()]);
    try {
      const mix = await CommandMix.prepare(server);
      const admin = await server.token({ subject: 'noop-admin', role: 'msp_admin', mspId: 'bench-msp0' });
      const runs: Record<'bare' | 'noop' | 'mix', LoadResult[]> = { bare: [], noop: [], mix: [] };
      await runLoad(server.url, noopRequests(admin), connections, 2); // warm-up (JIT), not counted
      for (let round = 0; round < rounds; round++) {
        runs.bare.push(await runLoad(bare.url, BARE_REQUESTS, connections, seconds));
        runs.noop.push(await runLoad(server.url, noopRequests(admin), connections, seconds));
        runs.mix.push(await runLoad(server.url, mix.requests(), connections, seconds));
      }
      const [b, n, m] = [summary(runs.bare), summary(runs.noop), summary(runs.mix)];
      const load = `${connections} connections, ${rounds} rounds of ${seconds} s alternating, medians`;
      return [
        ...rows('bare node:http (floor)', b, 'requests/s', load),
        ...rows('no-op route behind guards, pipes, logging', n, 'requests/s', `${pct(n.rate, b.rate)} of bare node:http (target ≥ 25%); non-2xx: ${n.statuses}`),
        ...rows('command mix', m, 'commands/s', `${pct(m.rate, b.rate)} of bare node:http (target ≥ 6%), ${pct(m.rate, n.rate)} of the no-op route; non-2xx: ${m.statuses}`),
      ];
    } finally {
      await Promise.all([server.close(), bare.close()]);
    }
  });
}

function summary(results: LoadResult[]): LoadResult {
  return {
    rate: median(results.map((r) => r.rate)),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    total: results.reduce((sum, r) => sum + r.total, 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    statuses: results.map((r) => r.statuses).filter((s) => s !== 'none').join('; ') || 'none',
  };
}

function rows(variant: string, r: LoadResult, unit: string, note: string): Figure[] {
  return [
    { figure: 'http', variant: `${variant}: throughput (2xx)`, value: r.rate, unit, note },
    { figure: 'http', variant: `${variant}: latency p50`, value: r.p50, unit: 'ms' },
    { figure: 'http', variant: `${variant}: latency p99`, value: r.p99, unit: 'ms' },
  ];
}

export const pct = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)}%`;
