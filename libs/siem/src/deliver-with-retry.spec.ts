import { deliverWithRetry } from './deliver-with-retry';
import { ok, parked, retryable, SendOutcome, SiemRecord, SiemSink } from './siem-sink.port';

/** A sink that answers a script of outcomes: a stand-in for the sinks' own int-tested behaviour. */
class ScriptedSink implements SiemSink {
  calls = 0;
  constructor(private readonly script: (SendOutcome | Error)[]) {}
  async send(): Promise<SendOutcome> {
    const next = this.script[Math.min(this.calls, this.script.length - 1)];
    this.calls += 1;
    if (next instanceof Error) throw next;
    return next;
  }
  async close(): Promise<void> {}
}

describe('deliverWithRetry', () => {
  const batch: SiemRecord[] = [{ eventId: 'e-1', occurredAt: '2024-05-01T10:00:00.000Z', entry: {} }];
  const policy = { initialMs: 100, maxMs: 10_000, maxRetryAfterMs: 60_000 };
  const waits: number[] = [];
  const sleep = async (ms: number) => void waits.push(ms);
  beforeEach(() => (waits.length = 0));

  it('retries until the sink accepts, backing off and honouring Retry-After', async () => {
    const sink = new ScriptedSink([retryable('busy'), retryable('throttled', 7_000), retryable('busy'), ok(1)]);
    const notices: string[] = [];
    const result = await deliverWithRetry(sink, batch, { policy, sleep, random: () => 0.5, onRetry: (n) => notices.push(`${n.retry}:${n.reason}:${n.delayMs}`) });
    expect(result).toEqual({ kind: 'delivered', attempts: 4 });
    expect(waits).toEqual([50, 7_000, 200]);
    expect(notices).toEqual(['1:busy:50', '2:throttled:7000', '3:busy:200']);
  });

  it('stops at a parked outcome with its reason', async () => {
    const sink = new ScriptedSink([retryable('busy'), parked('Splunk refused the token (HEC code 4: Invalid token)')]);
    expect(await deliverWithRetry(sink, batch, { policy, sleep })).toEqual({ kind: 'parked', reason: 'Splunk refused the token (HEC code 4: Invalid token)', attempts: 2 });
  });

  it('treats a sink that throws like an outage', async () => {
    const sink = new ScriptedSink([new Error('boom'), ok(1)]);
    const reasons: string[] = [];
    expect(await deliverWithRetry(sink, batch, { policy, sleep, onRetry: (n) => reasons.push(n.reason) })).toEqual({ kind: 'delivered', attempts: 2 });
    expect(reasons).toEqual(['unexpected error: boom']);
  });

  it('stops retrying when aborted, reporting the last reason', async () => {
    const controller = new AbortController();
    const sink = new ScriptedSink([retryable('down')]);
    const result = await deliverWithRetry(sink, batch, {
      policy,
      signal: controller.signal,
      sleep: async () => (sink.calls === 3 ? controller.abort() : undefined),
    });
    expect(result).toEqual({ kind: 'stopped', attempts: 3, lastReason: 'down' });
  });

  it('wakes from its own sleep on abort', async () => {
    const controller = new AbortController();
    const sink = new ScriptedSink([retryable('down', 3_600_000)]);
    const pending = deliverWithRetry(sink, batch, { policy, signal: controller.signal });
    setImmediate(() => controller.abort());
    expect(await pending).toEqual({ kind: 'stopped', attempts: 1, lastReason: 'down' });
  });
});
