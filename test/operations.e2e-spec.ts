import { EVENT_STORE, EventStore } from '@app/event-store';
import { DeliveryStateMetrics } from '@app/metrics';
import { CLIENT_IP, mspPrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const METRICS_TOKEN = 'scraper-token-0123456789abcdef';

/** The value of one sample line of a Prometheus exposition, e.g. `http_requests_total{method="GET",…}`; undefined when absent. */
function sample(exposition: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = exposition.split('\n').find((l) => {
    const match = l.match(/^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/);
    return match && match[1] === name && wanted.every((w) => (match[2] ?? '').split(',').includes(w));
  });
  return line === undefined ? undefined : Number(line.split(' ').pop());
}

describe('operating the API: metrics, health, request ids and challenges', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ KAFKA_BROKERS: '127.0.0.1:1' });
    admin = await t.token(mspPrincipal('msp_admin', 'msp-ops'));
  });
  afterAll(() => t.close());

  describe('GET /metrics', () => {
    let exposition: string;

    beforeAll(async () => {
      const { id } = await t.command('/organizations', admin, { name: 'Metered' });
      await t.command(`/organizations/${id}/deploy`, admin);
      await t.http().post('/organizations').set('Authorization', `Bearer ${admin}`).send({ name: 42 }).expect(400);
      await t.http().get('/activity-log/msp').expect(401);
      await t.http().get(`/no/such/route/${id}`).expect(404);
      await t.query('/activity-log/msp', admin).expect(200);
      const res = await t.http().get('/metrics').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
      exposition = res.text;
    });

    it('counts and times HTTP requests by route pattern (never the raw URL) and status', () => {
      expect(sample(exposition, 'http_requests_total', { method: 'POST', route: '/organizations', status: '201' })).toBe(1);
      expect(sample(exposition, 'http_requests_total', { method: 'POST', route: '/organizations', status: '400' })).toBe(1);
      expect(sample(exposition, 'http_requests_total', { method: 'POST', route: '/organizations/:organizationId/deploy', status: '200' })).toBe(1);
      expect(sample(exposition, 'http_requests_total', { method: 'GET', route: '/activity-log/msp', status: '401' })).toBe(1);
      expect(sample(exposition, 'http_requests_total', { method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
      expect(sample(exposition, 'http_request_duration_seconds_count', { method: 'GET', route: '/activity-log/msp', status: '200' })).toBe(1);
      expect(sample(exposition, 'http_request_duration_seconds_bucket', { route: '/organizations', status: '201', le: '+Inf' })).toBe(1);
      expect(exposition).not.toMatch(/route="\/no\/such/);
    });

    it('counts and times appends through the event store port', () => {
      expect(sample(exposition, 'eventstore_appends_total', { outcome: 'ok' })).toBe(2);
      expect(sample(exposition, 'eventstore_appended_events_total')).toBe(2);
      expect(sample(exposition, 'eventstore_append_duration_seconds_count', { outcome: 'ok' })).toBe(2);
    });

    it("shows the store's head and each projector's and the Kafka relay's checkpoint lag", () => {
      expect(sample(exposition, 'eventstore_head_position')).toBe(2);
      expect(sample(exposition, 'subscription_lag_events', { subscriber: 'activity-log', kind: 'projector' })).toBe(0);
      expect(sample(exposition, 'subscription_checkpoint_position', { subscriber: 'organizations', kind: 'projector' })).toBe(2);
      expect(sample(exposition, 'subscription_lag_events', { subscriber: 'sharing-hub', kind: 'projector' })).toBeDefined();
      // The relay runs in the worker; its checkpoint (none yet) is read from the shared checkpoint store.
      expect(sample(exposition, 'subscription_checkpoint_position', { subscriber: 'kafka-relay', kind: 'relay' })).toBe(-1);
      expect(sample(exposition, 'subscription_lag_events', { subscriber: 'kafka-relay', kind: 'relay' })).toBe(3);
    });

    it("has Node's default metrics, event-loop lag among them", () => {
      expect(sample(exposition, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
      expect(sample(exposition, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    });

    it('shows SIEM delivery state from what a delivery worker registers', async () => {
      const unregister = t.app.get(DeliveryStateMetrics).register(() => [
        { integration: 'int-1', sink: 'splunk', state: 'parked', behind: 12n, bytesSent: 2048, lastSuccessAt: new Date(1_700_000_000_000) },
      ]);
      const text = (await t.http().get('/metrics').expect(200)).text;
      unregister();
      expect(sample(text, 'siem_delivery_state', { integration: 'int-1', sink: 'splunk', state: 'parked' })).toBe(1);
      expect(sample(text, 'siem_delivery_lag_events', { integration: 'int-1' })).toBe(12);
      expect(sample(text, 'siem_delivery_sent_bytes', { integration: 'int-1' })).toBe(2048);
      expect(sample(text, 'siem_delivery_last_success_timestamp_seconds', { integration: 'int-1' })).toBe(1_700_000_000);
      expect(sample((await t.http().get('/metrics')).text, 'siem_delivery_state', { integration: 'int-1' })).toBeUndefined();
    });
  });

  describe('health', () => {
    it('answers liveness and readiness apart from the detailed /health', async () => {
      expect((await t.http().get('/health/live').expect(200)).body).toEqual({ status: 'ok', info: {}, error: {}, details: {} });
      const ready = await t.http().get('/health/ready').expect(200);
      expect(ready.body).toMatchObject({ status: 'ok', info: { eventStore: { status: 'up' }, readModels: { status: 'up' } } });
      await t.http().get('/health').expect(200);
    });
  });

  describe('request ids', () => {
    it("echoes the caller's X-Request-Id, and makes one up for a missing or unacceptable one", async () => {
      const given = await t.http().get('/health/live').set('X-Request-Id', 'lb-1234:abc').expect(200);
      expect(given.headers['x-request-id']).toBe('lb-1234:abc');
      expect((await t.http().get('/health/live')).headers['x-request-id']).toMatch(UUID);
      expect((await t.http().get('/health/live').set('X-Request-Id', 'x'.repeat(129))).headers['x-request-id']).toMatch(UUID);
      expect((await t.http().get('/activity-log/msp').set('X-Request-Id', 'with space')).headers['x-request-id']).toMatch(UUID);
    });

    it('records the request id as the correlation id of the events a command writes', async () => {
      const res = await t.http().post('/organizations').set('Authorization', `Bearer ${admin}`).set('X-Forwarded-For', CLIENT_IP)
        .set('X-Request-Id', 'req-to-events-1').send({ name: 'Traced' }).expect(201);
      const [event] = await t.events(res.body.streamId);
      expect(event.metadata.correlationId).toBe('req-to-events-1');
    });
  });

  describe('WWW-Authenticate on every 401 (RFC 6750)', () => {
    it('challenges a request without credentials, naming no error', async () => {
      const res = await t.http().get('/activity-log/msp').expect(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="activity-log"');
      const basic = await t.http().get('/activity-log/msp').set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
      expect(basic.headers['www-authenticate']).toBe('Bearer realm="activity-log"');
    });

    it('names invalid_token, with a description, for a token it refuses', async () => {
      const res = await t.http().get('/activity-log/msp').set('Authorization', 'Bearer not.a.jwt').expect(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="activity-log", error="invalid_token", error_description="[\x20\x21\x23-\x5b\x5d-\x7e]+"$/);
      expect(res.body).toMatchObject({ statusCode: 401 });
    });
  });
});

describe('GET /metrics with METRICS_TOKEN set', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN });
  });
  afterAll(() => t.close());

  it('answers only a scraper that sends the token, challenging the others', async () => {
    const none = await t.http().get('/metrics').expect(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="activity-log"');
    const wrong = await t.http().get('/metrics').set('Authorization', 'Bearer not-the-metrics-token').expect(401);
    expect(wrong.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    const user = await t.token(mspPrincipal('msp_owner', 'msp-x'));
    await t.http().get('/metrics').set('Authorization', `Bearer ${user}`).expect(401);
    const res = await t.http().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(res.text).toContain('http_requests_total');
  });
});

describe('GET /health/ready when the event store stops answering', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers 503 for readiness while liveness stays 200', async () => {
    await t.app.get<EventStore>(EVENT_STORE).close();
    const ready = await t.http().get('/health/ready').expect(503);
    expect(ready.body).toMatchObject({ statusCode: 503 });
    await t.http().get('/health/live').expect(200);
  });
});
