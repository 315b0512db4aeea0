import { SyncOutcome } from './sync-events';
import { SyncRecorder } from './sync-recorder';

describe('SyncRecorder', () => {
  let now: number;
  let written: SyncOutcome[];
  let recorder: SyncRecorder;
  beforeEach(() => {
    jest.useFakeTimers();
    now = 0;
    written = [];
    recorder = new SyncRecorder(async (o) => void written.push(o), { intervalMs: 60_000, now: () => now });
  });
  afterEach(async () => {
    await recorder.dispose();
    jest.useRealTimers();
  });
  const advance = async (ms: number) => {
    now += ms;
    await jest.advanceTimersByTimeAsync(ms);
  };

  it('records the first success at once, then at most once per interval with what was sent since', async () => {
    recorder.succeeded(10);
    for (let i = 0; i < 50; i += 1) {
      await advance(1_000);
      recorder.succeeded(2);
    }
    await advance(10_000);
    expect(written).toEqual([{ kind: 'success', eventsSent: 10 }, { kind: 'success', eventsSent: 100 }]);
  });

  it('records nothing while nothing but sync records are sent', async () => {
    recorder.succeeded(0);
    await advance(120_000);
    recorder.succeeded(0);
    expect(written).toEqual([]);
  });

  it('records a failing spell once, and the recovery', async () => {
    recorder.succeeded(5);
    await advance(60_000);
    for (let i = 0; i < 5; i += 1) recorder.failed('Splunk is busy (HEC code 9)');
    await advance(60_000);
    recorder.failed('Splunk is still busy');
    recorder.succeeded(7);
    await advance(60_000);
    expect(written).toEqual([
      { kind: 'success', eventsSent: 5 },
      { kind: 'failure', error: 'Splunk is busy (HEC code 9)' },
      { kind: 'success', eventsSent: 7 },
    ]);
  });

  it('defers a change inside the interval to its end, recording the latest outcome: a flapping SIEM cannot flood the log', async () => {
    recorder.succeeded(1);
    for (let i = 0; i < 30; i += 1) {
      await advance(1_000);
      recorder.failed(`busy ${i}`);
      recorder.succeeded(1);
    }
    await advance(30_000);
    expect(written).toEqual([{ kind: 'success', eventsSent: 1 }, { kind: 'success', eventsSent: 30 }]);
  });

  it('records parking at once, even inside the interval', async () => {
    recorder.succeeded(3);
    recorder.failed('busy');
    await advance(1_000);
    recorder.parked('Splunk refused the token (HEC code 4: Invalid token)');
    await recorder.dispose();
    expect(written).toEqual([{ kind: 'success', eventsSent: 3 }, { kind: 'failure', error: 'Splunk refused the token (HEC code 4: Invalid token)' }]);
  });

  it('reports a failed write and goes on', async () => {
    const errors: unknown[] = [];
    const failing = new SyncRecorder(async () => { throw new Error('store down'); }, { intervalMs: 10, now: () => now }, (e) => errors.push(e));
    failing.succeeded(1);
    await failing.dispose();
    expect(errors).toEqual([new Error('store down')]);
  });
});
