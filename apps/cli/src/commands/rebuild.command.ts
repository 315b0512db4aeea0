import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { Presets, SingleBar } from 'cli-progress';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { DEAD_LETTER_STORE, DeadLetterStore, ProjectorRegistry, rebuildViews, RetentionJob } from '@app/projections';

interface RebuildFlags {
  batchSize?: number;
}

/** Drops views and rebuilds them from the event store, all in one pass over it, with a progress bar. */
@Command({
  name: 'rebuild',
  arguments: '[views...]',
  description: 'Rebuild read models from the event store (all by default). Stop the worker and API first.',
})
export class RebuildCommand extends CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: ProjectorRegistry,
    @Inject(DEAD_LETTER_STORE) private readonly deadLetters: DeadLetterStore,
    private readonly retention: RetentionJob,
  ) {
    super();
  }

  async run(views: string[], flags: RebuildFlags): Promise<void> {
    const projectors = views.length > 0 ? views.map((v) => this.registry.get(v)) : this.registry.all;
    const names = projectors.map((p) => p.name).join(', ');
    const bar = new SingleBar(
      { format: `${names} [{bar}] {percentage}% | {value}/{total} events | {rate} events/s`, hideCursor: true },
      Presets.shades_classic,
    );
    const started = Date.now();
    bar.start(1, 0, { rate: 0 });
    const done = await rebuildViews(this.store, projectors, {
      batchSize: flags.batchSize,
      deadLetters: this.deadLetters,
      onProgress: (p) => {
        bar.setTotal(Math.max(Number(p.head), 1));
        bar.update(Number(p.position), { rate: Math.round(p.applied / Math.max((Date.now() - started) / 1000, 0.001)) });
      },
    });
    bar.update(bar.getTotal());
    bar.stop();
    const counts = await this.deadLetters.counts();
    for (const projector of projectors) {
      process.stdout.write(`${projector.name}: ${done.applied} events applied, checkpoint ${done.position}\n`);
      const left = counts[projector.name];
      if (left) process.stdout.write(`${projector.name}: ${left} events dead-lettered (npm run cli -- dead-letters --view ${projector.name})\n`);
    }
    // A rebuild replays state events older than their tenant's retention too: they leave the views again now.
    const run = await this.retention.runOnce();
    process.stdout.write(`retention: ${run.removedEntries} entries past retention removed, ${run.expiredMonths} tenant months expired\n`);
  }

  @Option({ flags: '--batch-size <count>', description: 'events per transaction (default 1000)' })
  parseBatchSize(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 100000) throw new Error('--batch-size must be 1 to 100000');
    return n;
  }
}
