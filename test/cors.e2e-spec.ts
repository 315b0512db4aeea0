import { mspPrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

const PANEL = 'https://panel.example.com';
const DEV = 'http://localhost:5173';
const EVIL = 'https://evil.example';

/** What a browser on another origin sees: its preflights, and what its scripts may read. */
describe('CORS for configured origins', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: `${PANEL}, ${DEV}` });
    token = await t.token(mspPrincipal('msp_owner', 'msp-a'));
  });
  afterAll(() => t.close());

  const preflight = (origin: string, method = 'POST', headers = 'authorization,content-type,idempotency-key') =>
    t.http().options('/organizations').set('Origin', origin).set('Access-Control-Request-Method', method).set('Access-Control-Request-Headers', headers);

  it('answers a preflight from an allowed origin with the methods and headers the API reads', async () => {
    const res = await preflight(PANEL, 'POST', 'authorization,content-type,idempotency-key,x-request-id').expect(204);
    expect(res.headers['access-control-allow-origin']).toBe(PANEL);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers['access-control-allow-methods']?.split(',')).toEqual(expect.arrayContaining(['GET', 'POST']));
    const allowed = res.headers['access-control-allow-headers']?.toLowerCase().split(',');
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'idempotency-key', 'x-request-id', 'last-event-id']));
    expect(Number(res.headers['access-control-max-age'])).toBeGreaterThan(0);
    expect(res.headers.vary).toMatch(/Origin/);
    expect((await preflight(DEV, 'GET', 'authorization,last-event-id').expect(204)).headers['access-control-allow-origin']).toBe(DEV);
  });

  it('gives a refused origin no Access-Control header at all, so its browser blocks the call', async () => {
    for (const origin of [EVIL, `${PANEL}.evil.example`, 'https://panel.example.com:8443', 'null']) {
      const res = await preflight(origin);
      expect(res.status).not.toBe(204);
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('lets an allowed origin’s scripts read the API’s own response headers', async () => {
    const res = await t.http().post('/organizations').set('Origin', PANEL).set('Authorization', `Bearer ${token}`)
      .set('Idempotency-Key', 'cors-1').send({ name: 'Acme' }).expect(201);
    expect(res.headers['access-control-allow-origin']).toBe(PANEL);
    const exposed = res.headers['access-control-expose-headers'].split(',');
    expect(exposed).toEqual(expect.arrayContaining([
      'Idempotent-Replayed', 'Content-Disposition', 'X-Request-Id', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset',
    ]));
    const refused = await t.http().get('/activity-log/msp').set('Origin', EVIL).set('Authorization', `Bearer ${token}`).expect(200);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS with no CORS_ORIGINS', () => {
  it('is same-origin only: no preflight is answered for anyone', async () => {
    const t = await startTestApp();
    try {
      const res = await t.http().options('/organizations').set('Origin', PANEL).set('Access-Control-Request-Method', 'POST');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect((await t.http().get('/health/live').set('Origin', PANEL).expect(200)).headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});
