import { v7 as uuidv7 } from 'uuid';
import { NewEvent } from '@app/event-store';
import { InjectedFault } from './siem/loopback-server';
import { LogsIngestionTestServer } from './siem/logs-ingestion.test-server';
import { SplunkHecTestServer } from './siem/splunk-hec.test-server';
import { CLIENT_IP, mspPrincipal } from './support/principals';
import { eventually, FAST_SIEM_SETTINGS } from './support/siem';
import { startTestApp, TestApp } from './support/test-app';

const EVENTS = 3_000;
const MSP = 'msp-chaos';

/** A small seeded generator (mulberry32): the same faults on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Pushed = { eventId: string; position: string; organizationId: string | null; eventType: string };

/**
 * Issue 12, chaos: while several thousand events are written, both SIEMs go down for a while and
 * answer 503 and 429 (with Retry-After) at random. At the end each has received every event at
 * least once, in position order per organization, and the integrations' status says so.
 */
describe('SIEM delivery under chaos', () => {
  let t: TestApp;
  let hec: SplunkHecTestServer;
  let logs: LogsIngestionTestServer;
  let owner: string;

  beforeAll(async () => {
    hec = await SplunkHecTestServer.start({ https: true });
    logs = await LogsIngestionTestServer.start();
    t = await startTestApp(FAST_SIEM_SETTINGS);
    owner = await t.token(mspPrincipal('msp_owner', MSP));
  });
  afterAll(async () => {
    await t.close();
    await hec.stop();
    await logs.stop();
  });

  const post = async (path: string, body: object) => {
    const res = await t.http().post(path).set('Authorization', `Bearer ${owner}`).set('X-Forwarded-For', CLIENT_IP).send(body);
    if (res.status !== 201) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    t.lastPosition = res.body.position;
    return res.body;
  };
  const status = async (id: string) => (await t.query(`/integrations/${id}/status`, owner).expect(200)).body;

  it('delivers every event at least once, in order per organization, through outages and random 503/429', async () => {
    const splunkId = (await post('/integrations', {
      kind: 'splunk', name: 'Chaos Splunk', secret: hec.validToken, settings: { url: hec.url, index: 'main', caCertificate: hec.certificate!.cert },
    })).id;
    const sentinelId = (await post('/integrations', {
      kind: 'microsoft_sentinel', name: 'Chaos Sentinel', secret: logs.secret,
      settings: {
        dataCollectionEndpoint: logs.url, ruleId: logs.ruleId, streamName: logs.streams[0], tenantId: logs.tenantId, clientId: logs.clientId,
        authorityHost: logs.url, caCertificate: logs.certificate.cert,
      },
    })).id;
    const orgIds = [(await post('/organizations', { name: 'Chaos A' })).id, (await post('/organizations', { name: 'Chaos B' })).id];

    const random = seeded(12);
    const busy: InjectedFault = { kind: 'status', status: 503, body: JSON.stringify({ text: 'Server is busy', code: 9 }) };
    const throttled: InjectedFault = { kind: 'status', status: 429, retryAfter: '1' };
    hec.failRandomly(0.25, [busy, busy, busy, throttled], random);
    logs.failRandomly(0.25, [{ kind: 'status', status: 503 }, { kind: 'status', status: 500 }, { ...throttled, body: '{"error":{"code":"TooManyRequests"}}' }], random, 'ingest');

    const written: { id: string; orgId: string }[] = [];
    const write = async (from: number, to: number) => {
      for (let start = from; start < to; start += 50) {
        await Promise.all(Array.from({ length: Math.min(50, to - start) }, async (_, k) => {
          const n = start + k;
          const orgId = orgIds[n % 2];
          const event: NewEvent = {
            id: uuidv7(), type: 'ItemUsed',
            data: { itemId: `item-${n % 40}`, itemType: 'password', itemName: `Item ${n % 40}`, usage: 'copied' },
            metadata: { actor: { type: 'member', id: `m-${n % 7}` }, tenant: { mspId: MSP, orgId }, client: { ip: '203.0.113.9' } },
          };
          written.push({ id: event.id!, orgId });
          await t.store.append(`vaultItem-${orgId}-${n % 40}`, [event], 'any');
        }));
      }
    };

    await write(0, EVENTS / 3);
    await Promise.all([hec.goDown(), logs.goDown()]);
    await write(EVENTS / 3, (2 * EVENTS) / 3);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await Promise.all([hec.comeBack(), logs.comeBack()]);
    await write((2 * EVENTS) / 3, EVENTS);

    const splunkPushed = () => hec.events.map((e) => e.event as Pushed).filter((e) => e.eventType === 'ItemUsed');
    const sentinelPushed = () => (logs.rowsOf() as Pushed[]).filter((e) => e.eventType === 'ItemUsed');
    const complete = (pushed: Pushed[]) => new Set(pushed.map((e) => e.eventId)).size === EVENTS;
    await eventually(() => complete(splunkPushed()) && complete(sentinelPushed()), 'both SIEMs have every event', 45_000);
    hec.failRandomly(0, []);
    logs.failRandomly(0, [], Math.random, 'ingest');

    for (const pushed of [splunkPushed(), sentinelPushed()]) {
      expect(new Set(pushed.map((e) => e.eventId))).toEqual(new Set(written.map((w) => w.id)));
      for (const orgId of orgIds) {
        const firsts = [...new Map(pushed.filter((e) => e.organizationId === orgId).map((e) => [e.eventId, BigInt(e.position)])).values()];
        expect(firsts.length).toBe(EVENTS / 2);
        expect(firsts.every((position, i) => i === 0 || position > firsts[i - 1])).toBe(true);
      }
    }
    expect(hec.injectedFaults).toBeGreaterThan(5);
    expect(logs.injectedFaults).toBeGreaterThan(5);

    for (const id of [splunkId, sentinelId]) {
      await eventually(async () => {
        const s = await status(id);
        return s.state === 'idle' && s.eventsBehind === 0;
      }, 'the status says it caught up');
      const s = await status(id);
      expect(s.eventsSent).toBeGreaterThanOrEqual(EVENTS);
      expect(s.lastSuccessAt > s.lastError.at).toBe(true);
      expect(s.lastError.message).toMatch(/unavailable|could not reach/);
      const syncs = (await t.events(`integration-${id}`)).filter((e) => e.type.startsWith('IntegrationSync'));
      expect(syncs.length).toBeLessThanOrEqual(15);
    }
  }, 60_000);
});
