import { join } from 'node:path';
import { EventStore, NewEvent, SqliteEventStore } from '@app/event-store';
import { ActivityLogProjector, openReadDatabase, presentEntry, rebuildView, SqliteActivityLogStore } from '@app/projections';
import { RevealerSource, SqliteKeyStore } from '@app/privacy';
import { KeyRing, MasterKey } from '@app/crypto';
import { privacyParts } from '@app/privacy/testing/privacy.testing';
import { envInt, Figure, withScratchDir } from './bench-utils';
import { createWorld, toNewEvent } from './support/activity-world';

type Variant = 'off' | 'on';

/** "off": the presenter over clear data, with nothing to reveal. */
const CLEAR: RevealerSource = { revealerFor: async () => <T>(value: T) => value };

/**
 * The cost of sealing personal data, side by side in one run on the same realistic event mix:
 * appends/s through the port (16 writers, the at-rest layer sealing each event before it is
 * appended: a data key per member, AES-256-GCM per personal value, activity payloads under
 * their month's key), rebuild events/s of the activity log (reading opens activity payloads;
 * entries keep values sealed), and pages/s of a log query presented for the MSP (revealing
 * every personal value of 100 entries: the plaintext cache warm as it is in a running API,
 * and cold as for a new process). "off" is the bare adapter and the presenter over clear data.
 */
export async function privacyBench(): Promise<Figure[]> {
  const count = envInt('BENCH_PRIVACY_EVENTS', 20_000);
  const pages = envInt('BENCH_PRIVACY_PAGES', 200);
  const events = [...createWorld({ seed: 7 }).events(count)].map((e) => ({ streamId: e.streamId, event: toNewEvent(e) }));
  const note = `${count.toLocaleString('en-US')} events of the realistic mix`;
  const figures: Figure[] = [];
  type Rates = { append: number; known: number; rebuild: number; warm: number; cold: number };
  const results: Record<Variant, Rates> = {} as never;
  // Alternated and best of two, so that neither variant gets the machine's quieter moment alone.
  for (const round of [0, 1]) {
    for (const variant of round === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
      const r = await withScratchDir(`bench-privacy-${variant}`, (dir) => measure(dir, variant, events, pages));
      const best = results[variant];
      results[variant] = best ? (Object.fromEntries(Object.keys(r).map((k) => [k, Math.max(best[k as keyof Rates], r[k as keyof Rates])])) as Rates) : r;
    }
  }
  const cost = (on: number, off: number) => `${(((off - on) / off) * 100).toFixed(1)}% slower than off`;
  for (const variant of ['off', 'on'] as const) {
    const r = results[variant];
    const vs = (key: keyof typeof r) => (variant === 'on' ? `; ${cost(r[key], results.off[key])}` : '');
    figures.push({ figure: 'privacy', variant: `append, sealing ${variant}, first events (members new)`, value: r.append, unit: 'events/s', note: `${note}, 16 writers, WAL synchronous=FULL${vs('append')}` });
    figures.push({ figure: 'privacy', variant: `append, sealing ${variant}, members known`, value: r.known, unit: 'events/s', note: `the same events again, to new streams${vs('known')}` });
    figures.push({ figure: 'privacy', variant: `rebuild activity log, sealing ${variant}`, value: r.rebuild, unit: 'events/s', note: `twice the ${note}${vs("rebuild")}` });
    figures.push({ figure: 'privacy', variant: `query page of 100, reveal ${variant}, warm`, value: r.warm, unit: 'pages/s', note: `MSP log, presented${vs('warm')}` });
    figures.push({ figure: 'privacy', variant: `query page of 100, reveal ${variant}, cold`, value: r.cold, unit: 'pages/s', note: `fresh key and plaintext caches per page${vs('cold')}` });
  }
  return figures;
}

async function measure(dir: string, variant: Variant, events: { streamId: string; event: NewEvent }[], pages: number) {
  const adapter = new SqliteEventStore({ file: join(dir, 'events.sqlite'), synchronous: 'FULL' });
  const keyStore = new SqliteKeyStore(join(dir, 'keys.sqlite'));
  const ring = new KeyRing(MasterKey.generate());
  const parts = privacyParts(keyStore, ring);
  const store: EventStore = variant === 'on' ? parts.wrap(adapter) : adapter;
  try {
    // First as they come (every member's first event makes their key), then again with every key there.
    const append = await appendRate(store, events);
    const known = await appendRate(store, events.map((e) => ({ streamId: `${e.streamId}-again`, event: { ...e.event, id: undefined } })));
    const activity = new SqliteActivityLogStore(openReadDatabase(join(dir, 'read-models.sqlite')));
    const started = performance.now();
    const { applied } = await rebuildView(store, new ActivityLogProjector(activity));
    const rebuild = applied / ((performance.now() - started) / 1000);
    const reader: () => RevealerSource = variant === 'on' ? () => privacyParts(keyStore, ring).personalData : () => CLEAR;
    const warm = await pageRate(activity, variant === 'on' ? parts.personalData : CLEAR, pages);
    const cold = await pageRate(activity, reader, Math.max(10, Math.floor(pages / 10)));
    return { append, known, rebuild, warm, cold };
  } finally {
    await adapter.close();
    await keyStore.close();
  }
}

async function appendRate(store: EventStore, events: { streamId: string; event: NewEvent }[]): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < events.length) {
        const { streamId, event } = events[next++];
        await store.append(streamId, [event], 'any');
      }
    }),
  );
  return events.length / ((performance.now() - started) / 1000);
}

/** Pages of the busiest MSP's log, presented as the API presents them; `source` a function: a fresh one per page (cold). */
async function pageRate(activity: SqliteActivityLogStore, source: RevealerSource | (() => RevealerSource), pages: number): Promise<number> {
  const window = { from: '2000-01-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z' };
  const query = { scope: { mspId: 'msp0' }, window, limit: 100 };
  const started = performance.now();
  let presented = 0;
  for (let i = 0; i < pages; i++) {
    const rows = await activity.query(query);
    const reveal = await (typeof source === 'function' ? source() : source).revealerFor(rows);
    presented += rows.map((row) => presentEntry(row, 'msp', reveal)).length;
  }
  if (presented === 0) throw new Error('the MSP log of the bench world is empty: nothing was measured');
  return pages / ((performance.now() - started) / 1000);
}
