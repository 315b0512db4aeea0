import { envInt, Figure, withScratchDir } from './bench-utils';
import { startBenchServer } from './support/api-server';
import { CommandMix, LoadResult, noopRequests, runLoad } from './support/command-mix';

/**
 * Figure 2: commands/s and latency over HTTP (autocannon) against the API in a child process,
 * booted as `npm start` boots it, with a weighted mix of real commands; beside it the same
 * connections and duration against `POST /bench/noop` behind the same guards (the ceiling).
 */
export async function ingestBench(): Promise<Figure[]> {
  const seconds = envInt('BENCH_INGEST_SECONDS', 20);
  const connections = envInt('BENCH_INGEST_CONNECTIONS', 32);
  return withScratchDir('bench-ingest', async (dir) => {
    const server = await startBenchServer(dir);
    try {
      const mix = await CommandMix.prepare(server);
      const admin = await server.token({ subject: 'noop-admin', role: 'msp_admin', mspId: 'bench-msp0' });
      const ceiling = await runLoad(server.url, noopRequests(admin), connections, seconds);
      const commands = await runLoad(server.url, mix.requests(), connections, seconds);
      const load = `${connections} connections, ${seconds} s`;
      return [
        ...rows('command mix', commands, 'commands/s', `${load}; non-2xx: ${commands.statuses}; ${pct(commands.rate, ceiling.rate)} of the no-op rate`),
        ...rows('no-op route (HTTP ceiling)', ceiling, 'requests/s', `${load}; non-2xx: ${ceiling.statuses}`),
      ];
    } finally {
      await server.close();
    }
  });
}

function rows(variant: string, r: LoadResult, unit: string, note: string): Figure[] {
  return [
    { figure: 'ingest', variant: `${variant}: throughput (2xx)`, value: r.rate, unit, note },
    { figure: 'ingest', variant: `${variant}: latency p50`, value: r.p50, unit: 'ms' },
    { figure: 'ingest', variant: `${variant}: latency p99`, value: r.p99, unit: 'ms' },
  ];
}

const pct = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(0)}%`;
