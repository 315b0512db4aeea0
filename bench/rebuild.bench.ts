import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { copyFileSync, linkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigModule, loadConfig } from '@app/config';
import { EVENT_STORE, EventStore, EventStoreModule, NewEvent, SqliteEventStore } from '@app/event-store';
import { ProjectorRegistry, ReadModelsModule, rebuildView, rebuildViews } from '@app/projections';
import { PrivacyModule } from '@app/privacy';
import { envInt, Figure, withScratchDir } from './bench-utils';
import { createWorld, GeneratedEvent, toNewEvent } from './support/activity-world';
import { cachedFile } from './support/cache';

@Module({})
class RebuildBenchModule {}

/**
 * Figure 6: events/s to rebuild every view from an event store of N events of the realistic mix
 * (appended through the port, cached in bench/.cache), with the projectors built as the
 * application builds them (ReadModelsModule's ProjectorRegistry) and `rebuildView`, the code of
 * the CLI's `rebuild`. Beside it: reading every event through `readAll` pages of the same size
 * with no projection (the ceiling).
 */
export async function rebuildBench(): Promise<Figure[]> {
  // 100k by default, as the issue states the figure: at 1M the activity-log rebuild alone took ~10 minutes on the 2-core machine.
  const count = envInt('BENCH_REBUILD_EVENTS', 100_000);
  const seed = envInt('BENCH_REBUILD_SEED', 42);
  const batchSize = envInt('BENCH_REBUILD_BATCH', 1000);
  const { file, builtInSeconds } = await cachedFile(`events-${count}-seed${seed}.sqlite`, (f) => appendEvents(f, count, seed));
  const figures: Figure[] = [
    builtInSeconds === undefined
      ? { figure: 'rebuild', variant: 'seeding the event store', value: 0, unit: 's', note: `cached: ${file}` }
      : { figure: 'rebuild', variant: 'seeding the event store', value: builtInSeconds, unit: 's', note: `${Math.round(count / builtInSeconds).toLocaleString('en-US')} events/s appended through the port` },
  ];
  return withScratchDir('bench-rebuild', async (dir) => {
    try {
      linkSync(file, join(dir, 'events.sqlite'));
    } catch {
      copyFileSync(file, join(dir, 'events.sqlite'));
    }
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', EVENTSTORE_URL: '' });
    const app = await NestFactory.createApplicationContext(
      { module: RebuildBenchModule, imports: [ConfigModule.forRoot(config), EventStoreModule, PrivacyModule.forRoot(), ReadModelsModule.forRoot({ runProjectors: false, mongo: false })] },
      { logger: false },
    );
    try {
      const store = app.get<EventStore>(EVENT_STORE);
      const projectors = app.get(ProjectorRegistry);
      const ceiling = Math.max(await readAllRate(store, batchSize), await readAllRate(store, batchSize)); // the first pass warms the cache
      const rates: Figure[] = [];
      let seconds = 0;
      for (const projector of projectors.all) {
        const started = performance.now();
        const { applied } = await rebuildView(store, projector, { batchSize });
        const elapsed = (performance.now() - started) / 1000;
        seconds += elapsed;
        rates.push({ figure: 'rebuild', variant: `view ${projector.name} alone`, value: applied / elapsed, unit: 'events/s', note: `${elapsed.toFixed(1)} s` });
      }
      const names = projectors.all.map((p) => p.name).join(' + ');
      const note = `${count.toLocaleString('en-US')} events, pages of ${batchSize}`;
      const started = performance.now();
      const { applied } = await rebuildViews(store, projectors.all, { batchSize });
      const onePass = (performance.now() - started) / 1000;
      return [
        ...figures,
        {
          figure: 'rebuild', variant: `every view, one pass (the CLI's rebuild): ${names}`, value: applied / onePass, unit: 'events/s',
          note: `${note}; ${onePass.toFixed(1)} s; ${((100 * applied) / onePass / ceiling).toFixed(0)}% of raw readAll (target ≥ 50%)`,
        },
        { figure: 'rebuild', variant: 'every view, one after the other', value: count / seconds, unit: 'events/s', note: `${note}; ${seconds.toFixed(1)} s` },
        ...rates,
        { figure: 'rebuild', variant: 'readAll pages, no projection (ceiling)', value: ceiling, unit: 'events/s', note: `${note}; best of 2 passes; store ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB` },
      ];
    } finally {
      await app.close();
    }
  });
}

async function readAllRate(store: EventStore, limit: number): Promise<number> {
  const started = performance.now();
  let read = 0;
  let after: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ fromPosition: after, limit });
    if (page.length === 0) break;
    read += page.length;
    after = page[page.length - 1].position;
  }
  return read / ((performance.now() - started) / 1000);
}

/** Appends the generated history through the port: 10,000 events at a time, grouped per stream, concurrently (group commit). */
async function appendEvents(file: string, count: number, seed: number): Promise<void> {
  const store = new SqliteEventStore({ file, synchronous: 'OFF' }); // a cache file: rebuilt if a crash interrupts it
  let chunk: GeneratedEvent[] = [];
  const flush = async () => {
    const streams = new Map<string, NewEvent[]>();
    for (const e of chunk) {
      const events = streams.get(e.streamId);
      if (events) events.push(toNewEvent(e));
      else streams.set(e.streamId, [toNewEvent(e)]);
    }
    await Promise.all([...streams].map(([streamId, events]) => store.append(streamId, events, 'any')));
    chunk = [];
  };
  for (const event of createWorld({ seed }).events(count)) {
    chunk.push(event);
    if (chunk.length === 10_000) await flush();
  }
  await flush();
  await store.close();
}
