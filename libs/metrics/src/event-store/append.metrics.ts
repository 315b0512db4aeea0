import { LATENCY_BUCKETS, Metrics } from '../metrics';

/** How an append ended: written, refused on its expected revision, or failed. */
export type AppendOutcome = 'ok' | 'conflict' | 'error';

/**
 * `eventstore_appends_total{outcome}`, `eventstore_appended_events_total` and
 * `eventstore_append_duration_seconds{outcome}`; the event store decorator reports each append here.
 */
export class AppendMetrics {
  private readonly appends;
  private readonly events;
  private readonly duration;

  constructor(metrics: Metrics) {
    this.appends = metrics.counter({ name: 'eventstore_appends_total', help: 'Appends to the event store, by outcome', labelNames: ['outcome'] as const });
    this.events = metrics.counter({ name: 'eventstore_appended_events_total', help: 'Events written by successful appends' });
    this.duration = metrics.histogram({
      name: 'eventstore_append_duration_seconds',
      help: 'Time an append took until it was durable (or refused), by outcome',
      labelNames: ['outcome'] as const,
      buckets: LATENCY_BUCKETS,
    });
  }

  /** Times `append` and counts it; `written` is the number of events an `ok` append wrote. */
  async observe<T>(append: () => Promise<T>, written: number, outcomeOf: (error: unknown) => AppendOutcome): Promise<T> {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const result = await append();
      this.record('ok', seconds());
      this.events.inc(written);
      return result;
    } catch (error) {
      this.record(outcomeOf(error), seconds());
      throw error;
    }
  }

  private record(outcome: AppendOutcome, seconds: number): void {
    this.appends.inc({ outcome });
    this.duration.observe({ outcome }, seconds);
  }
}
