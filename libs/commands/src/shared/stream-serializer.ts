import AsyncLock from 'async-lock';

/**
 * Runs this process's commands on one stream one at a time, in arrival order. Two sign-ins of one
 * member racing inside the process are not a conflict anybody should see: queued here, each reads
 * the state the previous one wrote, so the executor's retries are left for writes of other
 * processes. A stream's queue is dropped as soon as it runs empty, so memory follows the streams
 * busy right now, not every stream ever written.
 */
export class StreamSerializer {
  // Unbounded queues: a burst on one stream waits its turn rather than failing.
  private readonly lock = new AsyncLock({ maxPending: Infinity });

  run<T>(streamId: string, task: () => Promise<T>): Promise<T> {
    return this.lock.acquire(streamId, () => task());
  }

  /** Whether any stream has a command running or waiting (when idle, no queue is kept). */
  get busy(): boolean {
    return this.lock.isBusy();
  }
}
