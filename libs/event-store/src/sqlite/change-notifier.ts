import Database from 'better-sqlite3';

/**
 * Wakes subscribers when new events may be there. Appends in this process call notify()
 * directly; commits by other processes (the API writing while the worker reads) are seen by
 * polling SQLite's `data_version`, which changes whenever another connection commits.
 * The poll runs only while somebody waits.
 */
export class ChangeNotifier {
  private waiters = new Set<() => void>();
  /** Bumped on every change seen; a waiter that read at an older generation wakes at once. */
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;
  private dataVersion: bigint;
  private readonly readDataVersion: () => bigint;

  constructor(db: Database.Database, private readonly pollIntervalMs: number) {
    const stmt = db.prepare('PRAGMA data_version').pluck();
    this.readDataVersion = () => stmt.get() as bigint;
    this.dataVersion = this.readDataVersion();
  }

  /** Take this before reading, then pass it to waitForChange so no change slips in between. */
  currentGeneration(): number {
    return this.generation;
  }

  /** Resolves on the first change after `generation` was taken. */
  waitForChange(generation: number): Promise<void> {
    return new Promise((resolve) => {
      if (generation !== this.generation) return resolve();
      this.waiters.add(resolve);
      this.startPolling();
    });
  }

  notify(): void {
    this.generation += 1;
    const waiters = [...this.waiters];
    this.waiters.clear();
    this.stopPolling();
    waiters.forEach((wake) => wake());
  }

  private startPolling(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.poll(), this.pollIntervalMs);
    this.timer.unref();
  }

  private stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private poll(): void {
    let version: bigint;
    try {
      version = this.readDataVersion();
    } catch {
      return this.notify(); // closed database: let waiters find out on their next read
    }
    if (version !== this.dataVersion) {
      this.dataVersion = version;
      this.notify();
    }
  }
}
