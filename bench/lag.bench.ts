import Database from 'better-sqlite3';
import { envInt, Figure, withScratchDir } from './bench-utils';
import { BenchServer, startBenchServer } from './support/api-server';
import { CommandMix, LoadResult, post, runLoad } from './support/command-mix';
import { percentile } from './support/stats';
import { startWorkerProcess } from './support/worker-process';

/**
 * Figure 3: projection lag, from a command's answer to the activity-log view having applied its
 * position, while autocannon drives the ingest command mix. A tracer command (an MSP sign-in) is
 * sent every ~100 ms; the bench polls the `checkpoints` table of the server's read database file
 * directly (a read-only connection of its own, every millisecond). Beside it, the same sampler
 * with no load (the baseline). Twice: with the projectors on the API's event loop (`npm start`) and
 * in the worker process beside it (PROJECTORS_IN_API=false), the shape that takes them off the
 * request path.
 */
export async function lagBench(): Promise<Figure[]> {
  return [...(await lagOf('npm start: projectors in the API process')), ...(await lagOf('projectors in the worker process'))];
}

/** The lag figures of one shape: projectors on the API's event loop (`npm start`), or in `npm run start:worker` beside it. */
async function lagOf(shape: string): Promise<Figure[]> {
  const seconds = envInt('BENCH_LAG_SECONDS', 20);
  const idleSeconds = envInt('BENCH_LAG_IDLE_SECONDS', 5);
  const connections = envInt('BENCH_INGEST_CONNECTIONS', 32);
  const inWorker = shape.includes('worker');
  return withScratchDir('bench-lag', async (dir) => {
    const server = await startBenchServer(dir, inWorker ? { PROJECTORS_IN_API: 'false', SIEM_DELIVERY_IN_API: 'false' } : {});
    const worker = inWorker
      ? await startWorkerProcess({ DATA_DIR: dir, EVENTSTORE_URL: '', MONGO_URL: '', KAFKA_BROKERS: '', LOG_LEVEL: 'warn', AUTH_JWT_SECRET: server.config.AUTH_JWT_SECRET! })
      : undefined;
    try {
      const mix = await CommandMix.prepare(server);
      const sampler = await LagSampler.open(server);
      const idle = await sampler.sample(new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000)));
      let load: LoadResult | undefined;
      const loaded = await sampler.sample(runLoad(server.url, mix.requests(), connections, seconds).then((r) => (load = r)));
      sampler.close();
      const note = (s: Samples) => `${s.lags.length} samples${s.failed ? ` (${s.failed} tracers failed)` : ''}; tracer command p50 ${percentile(s.answers, 50).toFixed(1)} ms; poll gap p99 ${percentile(s.polls, 99).toFixed(1)} ms`;
      const loadNote = `${connections} connections, ${seconds} s, ${Math.round(load!.rate)} commands/s (non-2xx: ${load!.statuses})`;
      return [
        { figure: 'lag', variant: `${shape}, under the command mix: p50`, value: percentile(loaded.lags, 50), unit: 'ms', note: `${note(loaded)}; ${loadNote}` },
        { figure: 'lag', variant: `${shape}, under the command mix: p99`, value: percentile(loaded.lags, 99), unit: 'ms', note: 'target ≤ 50 ms' },
        { figure: 'lag', variant: `${shape}, idle (baseline): p50`, value: percentile(idle.lags, 50), unit: 'ms', note: note(idle) },
        { figure: 'lag', variant: `${shape}, idle (baseline): p99`, value: percentile(idle.lags, 99), unit: 'ms' },
      ];
    } finally {
      await server.close();
      await worker?.close();
    }
  });
}

interface Samples {
  lags: number[];
  /** Tracer command latencies (sent to answered). */
  answers: number[];
  /** Time between two polls of the checkpoint: the resolution of the lags (this process is busy too). */
  polls: number[];
  failed: number;
}

class LagSampler {
  private readonly db: Database.Database;
  private readonly checkpoint: Database.Statement;
  private sent = 0;

  /** A sampler whose tracers sign in the 64 members of an MSP of its own (sign-ins are recorded for listed members only). */
  static async open(server: BenchServer): Promise<LagSampler> {
    const mspId = 'tracer-msp';
    const signUp = await server.token({ subject: 'sign-up-service', role: 'service', mspId });
    await post(server, '/msp', signUp, { name: 'Tracers', ownerMemberId: 'tracer-owner', ownerEmail: 'owner@tracer.example', ownerName: 'Tracer owner' });
    const owner = await server.token({ subject: 'tracer-owner', role: 'msp_owner', mspId, email: 'owner@tracer.example' });
    const members: string[] = [];
    for (let k = 0; k < 64; k++) members.push((await post(server, '/msp/invitations', owner, { email: `u${k}@tracer.example`, role: 'msp_member' })).id);
    return new LagSampler(server, await server.token({ subject: 'sign-in-service', role: 'service', mspId }), members);
  }

  private constructor(private readonly server: BenchServer, private readonly token: string, private readonly members: string[]) {
    this.db = new Database(server.config.readModelsFile, { readonly: true, fileMustExist: true });
    this.checkpoint = this.db.prepare(`SELECT position FROM checkpoints WHERE projector = 'activity-log'`).pluck().safeIntegers(true);
  }

  /** Sends a tracer every ~100 ms until `until` settles, then waits for the last ones to be visible. */
  async sample(until: Promise<unknown>): Promise<Samples> {
    const samples: Samples = { lags: [], answers: [], polls: [], failed: 0 };
    const pending: { position: bigint; answeredAt: number }[] = [];
    const inFlight: Promise<void>[] = [];
    let running = true;
    void until.finally(() => (running = false));
    const tracers = (async () => {
      while (running) {
        inFlight.push(this.tracer().then((t) => {
          samples.answers.push(t.answeredAt - t.sentAt);
          pending.push(t);
        }, () => void samples.failed++));
        await sleep(100);
      }
      await Promise.all(inFlight);
    })();
    let done = false;
    void tracers.finally(() => (done = true));
    let polled = performance.now();
    while (!done || pending.length > 0) {
      const at = (this.checkpoint.get() as bigint | undefined) ?? -1n;
      const now = performance.now();
      samples.polls.push(now - polled);
      polled = now;
      for (let i = pending.length - 1; i >= 0; i--) {
        if (pending[i].position <= at) samples.lags.push(now - pending.splice(i, 1)[0].answeredAt);
      }
      await sleep(1);
    }
    await until;
    return samples;
  }

  close(): void {
    this.db.close();
  }

  /** A sign-in of one of 64 tracer members (its own stream, so tracers never race each other). */
  private async tracer(): Promise<{ position: bigint; sentAt: number; answeredAt: number }> {
    const sentAt = performance.now();
    const k = this.sent++ % this.members.length;
    const memberId = this.members[k];
    const { position } = await post(this.server, `/msp-members/${memberId}/sign-ins/succeeded`, this.token, { email: `u${k}@tracer.example` });
    return { position: BigInt(position), sentAt, answeredAt: performance.now() };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
