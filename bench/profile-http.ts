import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envInt, withScratchDir } from './bench-utils';
import { startBenchServer } from './support/api-server';
import { CommandMix, noopRequests, runLoad } from './support/command-mix';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/**
 * `npm run bench:profile [-- noop|mix]`: a CPU profile (the inspector's, as --cpu-prof takes it) of the bench server
 * while autocannon drives it after a warm-up,
 * with the no-op route (default) or the command mix; prints the top frames by self time and by
 * package, so a change to the HTTP path can show what it removed.
 */
async function main(): Promise<void> {
  const load = process.argv[2] ?? 'noop';
  const seconds = envInt('BENCH_PROFILE_SECONDS', 10);
  const file = join(mkdtempSync(join(tmpdir(), 'cpu-prof-')), `${load}.cpuprofile`);
  await withScratchDir('bench-profile', async (dir) => {
    const server = await startBenchServer(dir);
    try {
      const requests = load === 'mix'
        ? (await CommandMix.prepare(server)).requests()
        : noopRequests(await server.token({ subject: 'noop-admin', role: 'msp_admin', mspId: 'bench-msp0' }));
      await runLoad(server.url, requests, 32, 2); // warm-up: JIT, caches
      const stop = await server.profile();
      const result = await runLoad(server.url, requests, 32, seconds);
      await stop(file);
      console.log(`${load}: ${Math.round(result.rate)} 2xx/s, p50 ${result.p50} ms, p99 ${result.p99} ms, non-2xx: ${result.statuses}`);
    } finally {
      await server.close();
    }
  });
  summarize(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  console.log(`\nprofile: ${file}`);
}

function summarize(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const frames = new Map<string, number>();
  const packages = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '');
    const frame = `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`.trim();
    frames.set(frame, (frames.get(frame) ?? 0) + us);
    packages.set(packageOf(where, functionName), (packages.get(packageOf(where, functionName)) ?? 0) + us);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
  console.log(`\ntop frames by self time (${(total / 1e6).toFixed(1)} s sampled):\n${top(frames, 25)}`);
  console.log(`\nby package:\n${top(packages, 15)}`);
}

function packageOf(where: string, functionName: string): string {
  const modules = where.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = where.slice(modules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (where.startsWith('node:')) return where.split('/')[0];
  if (!where) return functionName.startsWith('(') ? functionName : '(native)';
  return where.split('/').slice(0, 2).join('/');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
