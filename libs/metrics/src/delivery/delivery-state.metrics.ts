import { Metrics } from '../metrics';

/** One push integration (a SIEM sink) as its delivery worker sees it at scrape time. */
export interface DeliveryStateSample {
  /** The integration's id. */
  integration: string;
  /** `splunk`, `microsoft_sentinel`, … */
  sink: string;
  /** A short word: `delivering`, `retrying`, `parked`, `stopped`, … */
  state: string;
  /** Events it trails the store by, when known. */
  behind?: bigint;
  /** When the last batch was accepted, when there was one. */
  lastSuccessAt?: Date;
  /** Bytes sent since the process started, when counted. */
  bytesSent?: number;
}

/**
 * The hook SIEM delivery calls once with a function that lists its integrations; each scrape then
 * asks it for the current samples and exports `siem_delivery_state` (1 for the current state),
 * `siem_delivery_lag_events`, `siem_delivery_last_success_timestamp_seconds` and
 * `siem_delivery_sent_bytes`. /metrics is served by the API, while delivery may run in the worker:
 * register, in the API process, a source that reads the integrations' stored status (and track
 * their checkpoints with CheckpointLagMetrics.track(name, 'siem', …)), so the figures are right
 * wherever the pushers run.
 */
export class DeliveryStateMetrics {
  private readonly sources = new Set<() => DeliveryStateSample[] | Promise<DeliveryStateSample[]>>();

  constructor(metrics: Metrics) {
    // collect() runs with the gauge as `this`: this reaches the sources.
    const samples = () => this.samples();
    const series = (name: string, help: string, value: (s: DeliveryStateSample) => number | undefined) =>
      metrics.gauge({
        name,
        help,
        labelNames: ['integration', 'sink'] as const,
        async collect() {
          this.reset();
          for (const s of await samples()) {
            const v = value(s);
            if (v !== undefined) this.set({ integration: s.integration, sink: s.sink }, v);
          }
        },
      });
    metrics.gauge({
      name: 'siem_delivery_state',
      help: 'State of each SIEM integration: 1 on the label of its current state',
      labelNames: ['integration', 'sink', 'state'] as const,
      async collect() {
        this.reset();
        for (const s of await samples()) this.set({ integration: s.integration, sink: s.sink, state: s.state }, 1);
      },
    });
    series('siem_delivery_lag_events', 'Events a SIEM integration trails the event store by', (s) => (s.behind === undefined ? undefined : Number(s.behind)));
    series('siem_delivery_last_success_timestamp_seconds', 'When a SIEM integration last had a batch accepted', (s) => s.lastSuccessAt && s.lastSuccessAt.getTime() / 1000);
    series('siem_delivery_sent_bytes', 'Bytes a SIEM integration sent since the process started', (s) => s.bytesSent);
  }

  /** Registers a source of samples; returns a function that unregisters it. */
  register(source: () => DeliveryStateSample[] | Promise<DeliveryStateSample[]>): () => void {
    this.sources.add(source);
    return () => this.sources.delete(source);
  }

  private async samples(): Promise<DeliveryStateSample[]> {
    const lists = await Promise.all([...this.sources].map((source) => Promise.resolve().then(source).catch(() => [])));
    return lists.flat();
  }
}
