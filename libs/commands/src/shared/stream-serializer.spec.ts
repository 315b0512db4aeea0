import { StreamSerializer } from './stream-serializer';

/** A task that runs until released, recording when it started. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return { task: () => (log.push(`start ${name}`), done.then(() => log.push(`end ${name}`))), release };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('StreamSerializer', () => {
  it('runs the tasks of one stream one at a time, in arrival order', async () => {
    const serializer = new StreamSerializer();
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((name) => gate(log, name));
    const all = Promise.all([a, b, c].map((g) => serializer.run('s-1', g.task)));
    await tick();
    expect(log).toEqual(['start a']);
    a.release();
    b.release();
    c.release();
    await all;
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('runs tasks of different streams side by side', async () => {
    const serializer = new StreamSerializer();
    const log: string[] = [];
    const [a, b] = ['a', 'b'].map((name) => gate(log, name));
    const all = Promise.all([serializer.run('s-1', a.task), serializer.run('s-2', b.task)]);
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    a.release();
    b.release();
    await all;
  });

  it('passes results and errors through, and a failed task does not hold the stream', async () => {
    const serializer = new StreamSerializer();
    const failed = serializer.run('s-1', async () => {
      throw new Error('refused');
    });
    const next = serializer.run('s-1', async () => 42);
    await expect(failed).rejects.toThrow('refused');
    await expect(next).resolves.toBe(42);
  });

  it('keeps nothing for a stream once its queue has run empty, whatever the number of streams', async () => {
    const serializer = new StreamSerializer();
    const log: string[] = [];
    const gates = Array.from({ length: 1000 }, (_, i) => gate(log, String(i)));
    const all = Promise.all(gates.map((g, i) => serializer.run(`s-${i % 250}`, g.task)));
    await tick();
    expect(serializer.busy).toBe(true);
    gates.forEach((g) => g.release());
    await all;
    expect(serializer.busy).toBe(false);
    expect(Object.keys((serializer as unknown as { lock: { queues: object } }).lock.queues)).toEqual([]);
  });
});
