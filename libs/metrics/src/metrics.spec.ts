import { CheckpointLagMetrics } from './checkpoints/checkpoint-lag.metrics';
import { AppendMetrics } from './event-store/append.metrics';
import { routeLabelOf, UNMATCHED_ROUTE } from './http/http-metrics.middleware';
import { Metrics } from './metrics';

describe('Metrics', () => {
  it('gives one metric per name, in a registry of its own', async () => {
    const a = new Metrics({ defaultMetrics: false });
    const b = new Metrics({ defaultMetrics: false });
    const counter = a.counter({ name: 'things_total', help: 'things' });
    expect(a.counter({ name: 'things_total', help: 'things' })).toBe(counter);
    b.counter({ name: 'things_total', help: 'things' }).inc(5);
    counter.inc();
    expect((await a.scrape()).body).toContain('things_total 1');
    expect((await b.scrape()).body).toContain('things_total 5');
  });
});

describe('CheckpointLagMetrics', () => {
  it('computes head minus checkpoint on each scrape, and leaves out a subscriber whose store fails', async () => {
    const metrics = new Metrics({ defaultMetrics: false });
    const lag = new CheckpointLagMetrics(metrics);
    let head = 10n;
    lag.setHead(async () => head);
    lag.track('fast', 'projector', async () => 10n);
    lag.track('new', 'relay', async () => undefined);
    lag.track('broken', 'siem', () => Promise.reject(new Error('store down')));
    let body = (await metrics.scrape()).body;
    expect(body).toContain('subscription_lag_events{subscriber="fast",kind="projector"} 0');
    expect(body).toContain('subscription_lag_events{subscriber="new",kind="relay"} 11');
    expect(body).toContain('subscription_checkpoint_position{subscriber="new",kind="relay"} -1');
    expect(body).not.toContain('subscriber="broken"');
    head = 15n;
    body = (await metrics.scrape()).body;
    expect(body).toContain('subscription_lag_events{subscriber="fast",kind="projector"} 5');
    expect(body).toContain('eventstore_head_position 15');
  });
});

describe('AppendMetrics', () => {
  it('counts appends by outcome and the events written by successful ones', async () => {
    const metrics = new Metrics({ defaultMetrics: false });
    const appends = new AppendMetrics(metrics);
    await appends.observe(async () => 'ok', 3, () => 'error');
    await expect(appends.observe(() => Promise.reject(new Error('taken')), 2, () => 'conflict')).rejects.toThrow('taken');
    const body = (await metrics.scrape()).body;
    expect(body).toContain('eventstore_appends_total{outcome="ok"} 1');
    expect(body).toContain('eventstore_appends_total{outcome="conflict"} 1');
    expect(body).toContain('eventstore_appended_events_total 3');
    expect(body).toContain('eventstore_append_duration_seconds_count{outcome="conflict"} 1');
  });
});

describe('routeLabelOf', () => {
  it('is the matched pattern, and never a URL when nothing matched', () => {
    expect(routeLabelOf({ route: { path: '/organizations/:organizationId/deploy' }, baseUrl: '' } as never)).toBe('/organizations/:organizationId/deploy');
    expect(routeLabelOf({ route: undefined, baseUrl: '' } as never)).toBe(UNMATCHED_ROUTE);
    expect(routeLabelOf({ route: { path: '/{*path}' }, baseUrl: '' } as never)).toBe(UNMATCHED_ROUTE);
  });
});
