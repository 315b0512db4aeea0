import { Inject, Injectable } from '@nestjs/common';
import { HealthCheckError, HealthIndicator, HealthIndicatorResult } from '@nestjs/terminus';
import { AppConfig } from '@app/config';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { DEAD_LETTER_STORE, DeadLetterStore } from './dead-letters/dead-letter.store';
import { ProjectorRegistry } from './read-models.module';

/**
 * Each view's checkpoint, how many positions it trails the event store, and how many events it
 * dead-lettered. Down when the read store does not answer; up but `degraded: true` when a view
 * dead-lettered events (it serves, but lacks them: `cli dead-letters` lists them).
 */
@Injectable()
export class ReadModelsHealthIndicator extends HealthIndicator {
  readonly engine: 'mongodb' | 'sqlite';

  constructor(
    private readonly registry: ProjectorRegistry,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DEAD_LETTER_STORE) private readonly deadLetters: DeadLetterStore,
    config: AppConfig,
  ) {
    super();
    this.engine = config.MONGO_URL ? 'mongodb' : 'sqlite';
  }

  async check(key = 'readModels'): Promise<HealthIndicatorResult> {
    // The event store's own health is its indicator's: without its head, `behind` is left out.
    const head = await this.store.headPosition().catch(() => undefined);
    try {
      const [counts, checkpoints] = await Promise.all([
        this.deadLetters.counts(),
        Promise.all(this.registry.all.map(async (p) => [p.name, (await p.checkpoint()) ?? -1n] as const)),
      ]);
      const views = checkpoints.map(([name, checkpoint]) => [
        name,
        {
          checkpoint: checkpoint.toString(),
          ...(head !== undefined && { behind: (head > checkpoint ? head - checkpoint : 0n).toString() }),
          deadLetters: counts[name] ?? 0,
        },
      ]);
      const degraded = Object.values(counts).some((n) => n > 0);
      return this.getStatus(key, true, { engine: this.engine, ...(degraded && { degraded: true }), ...Object.fromEntries(views) });
    } catch (error) {
      const message = `the read store (${this.engine}) is unavailable: ${error instanceof Error ? error.message : String(error)}`;
      throw new HealthCheckError('read store unavailable', this.getStatus(key, false, { engine: this.engine, message }));
    }
  }
}
